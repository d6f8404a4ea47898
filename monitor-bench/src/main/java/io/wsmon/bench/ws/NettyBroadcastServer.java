package io.wsmon.bench.ws;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * The Netty 4.2 peer: native epoll where the platform has it (NIO elsewhere), the HTTP codec and
 * {@link WebSocketServerProtocolHandler} for the handshake, pings and closes, and a broadcast that
 * builds each snapshot's WebSocket frame (header and payload) once in a direct buffer and writes
 * retained duplicates of it to every channel through a {@link ChannelGroup}. A channel whose outbound
 * buffer is over Netty's high-water mark is skipped for that tick, so a stalled client cannot grow the
 * server's memory without bound. The event loops are Netty's default: twice the cores.
 */
final class NettyBroadcastServer implements AutoCloseable {

    private static final int MAX_HANDSHAKE_BYTES = 8192;
    private static final String WELCOME = "{\"type\":\"connection\",\"status\":\"connected\"}";

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final ChannelGroup clients = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Channel listener;
    private final boolean epoll = Epoll.isAvailable();

    /**
     * Binds and starts serving.
     *
     * @param address where to listen
     * @throws InterruptedException when interrupted while binding
     */
    NettyBroadcastServer(InetSocketAddress address) throws InterruptedException {
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> channel = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        this.boss = new MultiThreadIoEventLoopGroup(1, io);
        this.workers = new MultiThreadIoEventLoopGroup(io);
        this.listener = new ServerBootstrap().group(boss, workers).channel(channel)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_HANDSHAKE_BYTES),
                                new WebSocketServerProtocolHandler("/"), new Client());
                    }
                })
                .bind(address).sync().channel();
    }

    /** @return the port it listens on */
    int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** @return {@code epoll} or {@code nio} */
    String transport() {
        return epoll ? "epoll" : "nio";
    }

    /**
     * Sends one text message to every connected client whose outbound buffer has room.
     *
     * @param json the message, UTF-8
     */
    void broadcast(ByteBuffer json) {
        int length = json.remaining();
        ByteBuf frame = ByteBufAllocator.DEFAULT.directBuffer(length + 10);
        frame.writeByte(0x81); // FIN, text
        if (length < 126) {
            frame.writeByte(length);
        } else if (length <= 0xFFFF) {
            frame.writeByte(126).writeShort(length);
        } else {
            frame.writeByte(127).writeLong(length);
        }
        frame.writeBytes(json.duplicate());
        clients.writeAndFlush(frame, Channel::isWritable); // a retained duplicate per channel; releases the frame
    }

    /**
     * The WebSocket clients connected now.
     *
     * @return the count
     */
    int connections() {
        return clients.size();
    }

    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        clients.close().awaitUninterruptibly();
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Joins the group once its handshake is done; ignores what the client sends. */
    private final class Client extends SimpleChannelInboundHandler<WebSocketFrame> {

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
                ctx.writeAndFlush(new TextWebSocketFrame(WELCOME));
                clients.add(ctx.channel());
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            // commands are not part of this peer
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
