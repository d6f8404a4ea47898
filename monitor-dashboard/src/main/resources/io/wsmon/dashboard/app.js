// wsmon dashboard: speaks the server's WebSocket protocol (README "Protocol") and draws every section.
// Cards are built once per section and then only their text and bar widths change, so a tick never
// re-lays out the page. No build step: this file is served as written.
(() => {
  'use strict';

  const $ = id => document.getElementById(id);
  const CHART_SECONDS = 600;          // the charts show the last ten minutes
  const RECENT_ALERTS = 20;
  const ALERT_POLL_MS = 5000;         // active alerts also clear, which no tick announces
  const MAX_GENERIC_ROWS = 200;
  const PALETTE = ['#3b82f6', '#f59e0b', '#10b981', '#ef4444', '#8b5cf6', '#ec4899', '#14b8a6', '#84cc16'];
  const ICON = { WARNING: '⚠', CRITICAL: '✖' };

  // ---------- formatting: each returns null for a missing value, which hides its row ----------
  const ok = n => typeof n === 'number' && isFinite(n);
  const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  function bytes(n) {
    if (!ok(n)) return null;
    let v = Math.abs(n), i = 0;
    while (v >= 1024 && i < UNITS.length - 1) { v /= 1024; i++; }
    return (n < 0 ? '-' : '') + (i === 0 ? String(Math.round(v)) : v.toFixed(1)) + ' ' + UNITS[i];
  }
  // For chart axes, where room is short: 1.4M, 377K; never four digits, which the axis would cut to "000 B"
  function shortBytes(n) {
    let v = n, i = 0;
    while (Math.abs(v) >= 999.5 && i < UNITS.length - 1) { v /= 1024; i++; }
    return (Math.abs(v) < 10 && i > 0 ? v.toFixed(1) : Math.round(v)) + (i ? UNITS[i][0] : ' B');
  }
  const rate = n => ok(n) ? bytes(n) + '/s' : null;
  const pct = n => ok(n) ? n.toFixed(1) + ' %' : null;
  const num = (n, digits = 0) => ok(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits }) : null;
  const unit = (n, u, digits = 0) => ok(n) ? num(n, digits) + ' ' + u : null;
  const of = (used, total, fmt = bytes) => ok(used) && ok(total) ? fmt(used) + ' of ' + fmt(total) : fmt(used);
  const share = (used, total) => ok(used) && ok(total) && total > 0 ? used / total * 100 : null;
  const time = iso => {
    const ms = parseTime(iso);
    return ok(ms) ? new Date(ms).toLocaleTimeString('en-GB') : null;
  };
  // Date.parse takes milliseconds; the wire carries microseconds
  const parseTime = iso => typeof iso === 'string' ? Date.parse(iso.replace(/(\.\d{3})\d+/, '$1')) : NaN;
  function duration(s) {
    if (!ok(s)) return null;
    s = Math.floor(s);
    const d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60);
    return d ? `${d} d ${h} h` : h ? `${h} h ${m} min` : m ? `${m} min ${s % 60} s` : `${s} s`;
  }

  // ---------- DOM helpers: build once, then set text only when it changed ----------
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  // Sets an element's text through one text node (the one it has, or a new one).
  function textOf(e) {
    const t = e.firstChild && e.firstChild.nodeType === Node.TEXT_NODE ? e.firstChild : e.appendChild(document.createTextNode(''));
    return s => { s = s == null ? '–' : String(s); if (t.data !== s) t.data = s; };
  }
  function slot(parent, tag, cls) {
    const e = el(tag || 'span', cls);
    parent.append(e);
    return textOf(e);
  }
  function show(e, visible) { if (e.hidden === visible) e.hidden = !visible; }
  // A label and a value; a null value hides the row.
  function field(parent, label) {
    const row = el('div', 'row');
    row.append(el('span', null, label));
    const set = slot(row);
    parent.append(row);
    return v => { show(row, v != null); if (v != null) set(v); };
  }
  function bar(parent) {
    const track = el('div', 'bar'), fill = el('i');
    track.append(fill);
    parent.append(track);
    let last = -1;
    return p => {
      const v = ok(p) ? Math.max(0, Math.min(100, p)) : 0;
      if (v !== last) { last = v; fill.style.transform = `scaleX(${v / 100})`; }
    };
  }
  // A field with a bar under it, hidden together.
  function meter(parent, label) {
    const box = el('div');
    parent.append(box);
    const set = field(box, label), fill = bar(box);
    return (text, p) => { show(box, text != null); set(text); fill(p); };
  }
  // Keeps one child per key in a container, in the items' order, creating and removing only what changed.
  function keyed(container, make) {
    const rows = new Map();
    return (items, keyOf) => {
      const seen = new Set();
      let expected = container.firstChild;
      items.forEach((item, i) => {
        const key = String(keyOf(item, i));
        if (seen.has(key)) return;
        seen.add(key);
        let row = rows.get(key);
        if (!row) { row = make(key, item); rows.set(key, row); }
        if (row.el !== expected) container.insertBefore(row.el, expected);
        expected = row.el.nextSibling;
        row.update(item);
      });
      for (const [key, row] of rows) if (!seen.has(key)) { row.el.remove(); rows.delete(key); }
    };
  }
  // A table whose rows are keyed; columns are [heading, item => text].
  function table(parent, columns) {
    const wrap = el('div', 'scroll'), t = el('table'), head = el('tr'), body = el('tbody');
    columns.forEach(([name]) => head.append(el('th', null, name)));
    const thead = el('thead');
    thead.append(head);
    t.append(thead, body);
    wrap.append(t);
    parent.append(wrap);
    const rows = keyed(body, () => {
      const tr = el('tr');
      const cells = columns.map(() => slot(tr, 'td'));
      return { el: tr, update: item => columns.forEach(([, get], i) => cells[i](get(item))) };
    });
    return (items, keyOf) => { show(wrap, items.length > 0); rows(items, keyOf); };
  }
  const list = v => Array.isArray(v) ? v : [];

  // ---------- cards: one factory per known section, each returns its update function ----------
  const TIME_MODES = ['user', 'system', 'nice', 'iowait', 'irq', 'softirq', 'steal'];
  function cpuCard(body) {
    const top = el('div', 'top');
    body.append(top);
    const total = slot(top, 'span', 'big'), model = slot(top, 'span', 'muted');
    const fill = bar(body);
    const counts = field(body, 'Cores'), freq = field(body, 'Frequency'), load = field(body, 'Load average');
    const split = field(body, 'Time split');
    const grid = el('div', 'cores');
    body.append(grid);
    const cores = keyed(grid, key => {
      const cell = el('div', 'core');
      cell.title = 'core ' + key;
      const value = slot(cell), fillCore = bar(cell);
      return { el: cell, update: p => { value(ok(p) ? p.toFixed(0) + '%' : null); fillCore(p); } };
    });
    return (d, data) => {
      total(pct(d.usage_percent));
      fill(d.usage_percent);
      model(data.system && data.system.processor);
      counts(ok(d.logical_count) ? `${d.core_count} physical, ${d.logical_count} logical` : null);
      freq(ok(d.frequency_current) ? of(d.frequency_current, d.frequency_max, n => unit(n, 'MHz')) : null);
      load(Array.isArray(d.load_average) ? d.load_average.map(n => num(n, 2)).join(' · ') : null);
      const t = d.times_percent;
      split(t ? TIME_MODES.concat(Object.keys(t).filter(k => !TIME_MODES.includes(k) && k !== 'idle'))
        .filter(k => t[k] > 0).map(k => `${k} ${num(t[k], 1)}%`).join(' · ') || 'idle' : null);
      cores(list(d.per_core_usage), (p, i) => i);
    };
  }

  function memoryCard(body) {
    const total = slot(body, 'div', 'big'), fill = bar(body);
    const used = field(body, 'Used'), avail = field(body, 'Available'), swap = meter(body, 'Swap');
    return d => {
      total(pct(d.percentage));
      fill(d.percentage);
      used(of(d.used, d.total));
      avail(bytes(d.available));
      const s = d.swap;
      swap(s && s.total > 0 ? `${of(s.used, s.total)} (${pct(s.percentage)})` : null, s && s.percentage);
    };
  }

  function disksCard(body) {
    const items = keyed(body, key => {
      const box = el('div', 'item');
      const title = slot(box, 'div', 'item-title');
      title(key);
      const use = meter(box, 'Used'), free = field(box, 'Free'), inodes = field(box, 'Inodes used');
      return {
        el: box, update: d => {
          use(`${of(d.used, d.total)} (${pct(d.percentage)})`, d.percentage);
          free(bytes(d.free));
          inodes(pct(d.inodes_percent));
        }
      };
    });
    return d => items(list(d), x => x.path);
  }

  function networkCard(body) {
    const down = field(body, '↓ Receiving'), up = field(body, '↑ Sending');
    const totals = field(body, 'Since boot');
    const ifaces = table(body, [['Interface', i => i.name], ['↓', i => rate(i.bytes_recv_per_sec)],
      ['↑', i => rate(i.bytes_sent_per_sec)]]);
    return d => {
      down(rate(d.bytes_recv_per_sec));
      up(rate(d.bytes_sent_per_sec));
      totals(ok(d.bytes_recv) ? `↓ ${bytes(d.bytes_recv)} · ↑ ${bytes(d.bytes_sent)}` : null);
      ifaces(list(d.interfaces), i => i.name);
    };
  }

  function gpuCard(body) {
    const items = keyed(body, () => {
      const box = el('div', 'item');
      const title = slot(box, 'div', 'item-title');
      const use = meter(box, 'Usage'), mem = meter(box, 'Memory');
      const temp = field(box, 'Temperature'), power = field(box, 'Power'), fan = field(box, 'Fan');
      const clocks = field(box, 'Clocks'), procs = field(box, 'Processes'), driver = field(box, 'Driver');
      return {
        el: box, update: g => {
          title(`GPU ${g.id}` + (g.name ? ' · ' + g.name : ''));
          use(pct(g.gpu_usage_percent), g.gpu_usage_percent);
          const memPct = ok(g.memory_usage_percent) ? g.memory_usage_percent : share(g.memory_used, g.memory_total);
          mem(ok(g.memory_used) ? `${of(g.memory_used, g.memory_total)} (${pct(memPct)})` : null, memPct);
          temp(unit(g.temperature, '°C'));
          power(ok(g.power_draw) ? of(g.power_draw, g.power_limit, n => unit(n, 'W', 1)) : null);
          fan(pct(g.fan_speed));
          clocks(ok(g.clock_graphics) ? `${unit(g.clock_graphics, 'MHz')} · memory ${unit(g.clock_memory, 'MHz')}` : null);
          procs(num(g.compute_processes));
          driver(g.driver_version);
        }
      };
    });
    return d => items(list(d.gpus), g => g.id);
  }

  function jvmCard(body) {
    const heap = meter(body, 'Heap'), nonHeap = field(body, 'Non-heap'), rss = field(body, 'Resident');
    const threads = field(body, 'Threads'), fds = field(body, 'Open files'), gc = field(body, 'GC');
    const growth = field(body, 'Heap growth'), leak = field(body, 'Leak suspected');
    return d => {
      const max = d.heap_max > 0 ? d.heap_max : d.heap_committed;
      heap(of(d.heap_used, max), share(d.heap_used, max));
      nonHeap(bytes(d.non_heap_used));
      rss(bytes(d.rss));
      threads(num(d.threads));
      fds(d.open_file_descriptors >= 0 ? num(d.open_file_descriptors) : null);
      gc(ok(d.gc_count) ? `${num(d.gc_count)} runs, ${unit(d.gc_time_millis, 'ms')}` : null);
      growth(ok(d.memory_growth_per_hour) ? bytes(d.memory_growth_per_hour) + '/h' : null);
      leak(typeof d.leak_suspected === 'boolean' ? (d.leak_suspected ? '⚠ yes' : 'no') : null);
    };
  }

  function hostCard(body) {
    const os = field(body, 'System'), kernel = field(body, 'Release'), arch = field(body, 'Architecture');
    const cpu = field(body, 'Processor'), procs = field(body, 'Processes'), java = field(body, 'Java');
    const boot = field(body, 'Booted'), uptime = field(body, 'Uptime');
    return d => {
      os([d.os_name, d.os_version].filter(Boolean).join(' ') || null);
      kernel(d.os_release);
      arch([d.architecture, d.machine].filter(Boolean).join(' / ') || null);
      cpu(d.processor);
      procs(num(d.processes));
      java(d.java_version);
      const b = parseTime(d.boot_time);
      boot(ok(b) ? new Date(b).toLocaleString('en-GB') : null);
      uptime(duration(d.uptime_seconds));
    };
  }

  function processesCard(body) {
    const counts = field(body, 'Processes'), threads = field(body, 'Threads');
    const columns = [['Name', p => p.name], ['PID', p => p.pid], ['User', p => p.user],
      ['CPU', p => pct(p.cpu_percent)], ['Memory', p => bytes(p.rss)]];
    body.append(el('h3', null, 'Top CPU'));
    const byCpu = table(body, columns);
    body.append(el('h3', null, 'Top memory'));
    const byMemory = table(body, columns);
    return d => {
      counts(ok(d.total) ? [['total', d.total], ['running', d.running], ['sleeping', d.sleeping],
        ['zombie', d.zombie]].filter(([, n]) => ok(n)).map(([k, n]) => `${num(n)} ${k}`).join(' · ') : null);
      threads(num(d.threads));
      byCpu(list(d.top_cpu), (p, i) => i);
      byMemory(list(d.top_memory), (p, i) => i);
    };
  }

  function diskIoCard(body) {
    const read = field(body, 'Read'), write = field(body, 'Write'), ops = field(body, 'Operations');
    const devices = table(body, [['Device', x => x.name], ['Read', x => rate(x.read_bytes_per_sec)],
      ['Write', x => rate(x.write_bytes_per_sec)], ['Busy', x => pct(x.busy_percent)]]);
    return d => {
      read(rate(d.read_bytes_per_sec));
      write(rate(d.write_bytes_per_sec));
      ops(ok(d.reads_per_sec) ? `${num(d.reads_per_sec, 1)} reads/s · ${num(d.writes_per_sec, 1)} writes/s` : null);
      devices(list(d.devices), x => x.name);
    };
  }

  function sensorsCard(body) {
    const temps = table(body, [['Sensor', s => [s.chip, s.label].filter(Boolean).join(' ')],
      ['Now', s => unit(s.current, '°C', 1)], ['High', s => unit(s.high, '°C')], ['Critical', s => unit(s.critical, '°C')]]);
    const fans = table(body, [['Fan', s => [s.chip, s.label].filter(Boolean).join(' ')], ['Speed', s => unit(s.rpm, 'rpm')]]);
    return d => {
      temps(list(d.temperatures), (s, i) => `${s.chip}/${s.label}/${i}`);
      fans(list(d.fans), (s, i) => `${s.chip}/${s.label}/${i}`);
    };
  }

  function containerCard(body) {
    const version = field(body, 'cgroup'), mem = meter(body, 'Memory'), cpu = meter(body, 'CPU of limit');
    const limit = field(body, 'CPU limit'), throttled = field(body, 'Throttled');
    return d => {
      version(ok(d.cgroup_version) ? 'v' + d.cgroup_version : null);
      mem(ok(d.memory_used) ? `${of(d.memory_used, d.memory_limit)} (${pct(d.memory_percent)})` : null, d.memory_percent);
      cpu(pct(d.cpu_percent_of_limit), d.cpu_percent_of_limit);
      limit(unit(d.cpu_limit_cores, 'cores', 2));
      throttled(ok(d.throttled_periods) ? `${num(d.throttled_periods)} periods, ${unit(d.throttled_seconds, 's', 1)}` : null);
    };
  }

  function pressureCard(body) {
    const rows = table(body, [['Stall', r => r.name], ['10 s', r => pct(r.avg10)], ['60 s', r => pct(r.avg60)],
      ['300 s', r => pct(r.avg300)]]);
    return d => {
      const flat = [];
      for (const resource of Object.keys(d)) {
        for (const kind of Object.keys(d[resource] || {})) flat.push({ name: `${resource} ${kind}`, ...d[resource][kind] });
      }
      rows(flat, r => r.name);
    };
  }

  // Any other section, custom monitors' included: every leaf as a "path: value" row.
  function genericCard(body) {
    const rows = keyed(body, key => {
      const row = el('div', 'row');
      row.append(el('span', null, key));
      const set = slot(row);
      return { el: row, update: ([, v]) => set(v) };
    });
    const more = field(body, 'Not shown');
    return d => {
      const entries = [];
      flatten(d, '', entries);
      rows(entries.slice(0, MAX_GENERIC_ROWS), ([k]) => k);
      more(entries.length > MAX_GENERIC_ROWS ? `${entries.length - MAX_GENERIC_ROWS} more fields` : null);
    };
  }
  function flatten(v, path, out) {
    if (v == null) return;
    if (Array.isArray(v)) {
      if (v.every(x => x === null || typeof x !== 'object')) {
        out.push([path || 'value', v.map(x => leaf(path, x)).join(', ')]);
      } else {
        v.forEach((x, i) => {
          const name = x && typeof x === 'object' ? (x.name ?? x.id ?? x.path ?? i) : i;
          flatten(x, `${path}[${name}]`, out);
        });
      }
    } else if (typeof v === 'object') {
      for (const k of Object.keys(v)) flatten(v[k], path ? path + '.' + k : k, out);
    } else {
      out.push([path || 'value', leaf(path, v)]);
    }
  }
  // Units guessed from the field name, as the built-in sections name them (README "Built-in sections").
  function leaf(path, v) {
    if (typeof v === 'boolean') return v ? 'yes' : 'no';
    if (!ok(v)) return String(v);
    const name = path.slice(path.lastIndexOf('.') + 1);
    if (/percent|percentage/.test(name)) return pct(v);
    if (/bytes/.test(name)) return /per_sec/.test(name) ? rate(v) : bytes(v);
    if (/temperature|celsius/.test(name)) return unit(v, '°C', 1);
    return num(v, 2);
  }

  const CARDS = {
    processor: ['CPU', cpuCard], memory: ['Memory', memoryCard], disks: ['Disks', disksCard],
    network: ['Network', networkCard], gpu: ['GPU', gpuCard], disk_io: ['Disk I/O', diskIoCard],
    processes: ['Processes', processesCard], jvm: ['JVM', jvmCard], container: ['Container', containerCard],
    pressure: ['Pressure stall', pressureCard], sensors: ['Sensors', sensorsCard], system: ['Host', hostCard]
  };
  const ORDER = Object.keys(CARDS);
  // An alert's component and the card that shows it
  const ALERT_CARD = { cpu: 'processor', memory: 'memory', swap: 'memory', disk: 'disks', gpu: 'gpu' };
  const cards = new Map();

  function addCard(name, generic) {
    const [title, factory] = !generic && CARDS[name] || [name, genericCard];
    const box = el('section', 'card');
    box.dataset.section = name;
    const h = el('h2', null, title);
    const badge = el('span', 'badge');
    h.append(badge);
    const body = el('div');
    box.append(h, body);
    const card = { el: box, rank: ORDER.includes(name) ? ORDER.indexOf(name) : ORDER.length, badge, level: '',
      update: factory(body) };
    const after = [...cards.values()].find(c => c.rank > card.rank);
    $('cards').insertBefore(box, after ? after.el : null);
    cards.set(name, card);
    badgeCard(name, card);
    return card;
  }

  function renderSections(data) {
    for (const name of Object.keys(data)) {
      if (name === 'disk' && data.disks) continue;
      const key = name === 'disk' ? 'disks' : name;
      const value = name === 'disk' ? [data.disk] : data[name];
      let card = cards.get(key) || addCard(key, false);
      try {
        card.update(value, data);
      } catch (e) {
        // a section shaped unlike its name suggests is still shown, as plain fields
        console.warn(`section ${key} drawn as plain fields:`, e);
        card.el.remove();
        cards.delete(key);
        card = addCard(key, true);
        card.update(value, data);
      }
      card.el.classList.remove('absent');
    }
    for (const [key, card] of cards) {
      if (!(key in data) && !(key === 'disks' && 'disk' in data)) card.el.classList.add('absent');
    }
  }

  // ---------- header ----------
  const header = {
    hostname: textOf($('hostname')), os: textOf($('os')), uptime: textOf($('uptime')),
    seq: textOf($('seq')), updated: textOf($('updated')), version: textOf($('version'))
  };
  function renderHeader(msg) {
    const s = msg.data.system || {};
    if (s.hostname) {
      header.hostname(s.hostname);
      const title = s.hostname + ' · wsmon';
      if (document.title !== title) document.title = title;
    }
    header.os([s.os_name, s.os_version, s.architecture].filter(Boolean).join(' · '));
    header.uptime(duration(s.uptime_seconds));
    header.seq(msg.seq);
    header.updated(time(msg.timestamp));
  }

  // ---------- alerts ----------
  let activeAlerts = [], recentAlerts = [];
  let alertsShown = '';
  const worstLevel = new Map();
  const alertKey = a => [a.timestamp, a.component, a.metric, a.resource || '', a.level].join('|');
  function alertItem(a, withTime) {
    const li = el('li', 'lvl-' + a.level);
    li.append(el('span', 'level', `${ICON[a.level] || '•'} ${a.level}`));
    li.append(el('span', 'what', a.component + (a.resource ? ' ' + a.resource : '')));
    li.append(el('span', 'message', a.message));
    if (withTime) li.append(el('span', 'when', time(a.timestamp)));
    return li;
  }
  // Redrawn only when the alerts change, which is rare next to ticks.
  function drawAlerts() {
    const shown = activeAlerts.map(alertKey).join() + '/' + recentAlerts.map(alertKey).join();
    if (shown === alertsShown) return;
    alertsShown = shown;
    const active = $('alerts-active'), recent = $('alerts-recent');
    active.replaceChildren(...activeAlerts.map(a => alertItem(a, true)));
    if (!activeAlerts.length) active.append(el('li', 'none', '✓ No active alerts'));
    recent.replaceChildren(...recentAlerts.map(a => alertItem(a, true)));
    if (!recentAlerts.length) recent.append(el('li', 'none', 'None since the server started'));
    worstLevel.clear();
    for (const a of activeAlerts) {
      const card = ALERT_CARD[a.component] || a.component;
      if (worstLevel.get(card) !== 'CRITICAL') worstLevel.set(card, a.level);
    }
    for (const [name, card] of cards) badgeCard(name, card);
  }
  // A card whose section has an active alert says so in its title, in words as well as colour.
  function badgeCard(name, card) {
    const level = worstLevel.get(name) || '';
    if (card.level === level) return;
    card.level = level;
    card.badge.textContent = level ? `${ICON[level] || '•'} ${level}` : '';
    card.badge.className = 'badge' + (level ? ' lvl-' + level : '');
  }
  function setAlerts(active, recent) {
    activeAlerts = list(active);
    recentAlerts = list(recent).slice(-RECENT_ALERTS).reverse();
    drawAlerts();
  }
  function alertsRaised(raised) {
    const known = new Set(recentAlerts.map(alertKey));
    const fresh = raised.filter(a => !known.has(alertKey(a))).reverse();
    recentAlerts = fresh.concat(recentAlerts).slice(0, RECENT_ALERTS);
    const activeKnown = new Set(activeAlerts.map(a => [a.component, a.metric, a.resource || ''].join('|')));
    activeAlerts = activeAlerts.concat(raised.filter(a => !activeKnown.has([a.component, a.metric, a.resource || ''].join('|'))));
    drawAlerts();
    send({ type: 'get_alerts' });
  }

  // ---------- charts ----------
  const theme = {};
  function readTheme() {
    const css = getComputedStyle(document.documentElement);
    theme.fg = css.getPropertyValue('--fg2').trim();
    theme.grid = css.getPropertyValue('--grid').trim();
  }
  const percentAxis = v => v.toFixed(0) + '%';
  // x-axis ticks in whole seconds and minutes, even over the few seconds after a start
  const TIME_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];
  const CHARTS = [
    { id: 'cpu', title: 'CPU', percent: true, lines: d => d.processor && [['CPU', d.processor.usage_percent]] },
    {
      id: 'memory', title: 'Memory', percent: true, lines: d => d.memory && [['Memory', d.memory.percentage]]
        .concat(d.memory.swap && d.memory.swap.total > 0 ? [['Swap', d.memory.swap.percentage]] : [])
    },
    {
      id: 'network', title: 'Network', percent: false,
      lines: d => d.network && [['Received', d.network.bytes_recv_per_sec], ['Sent', d.network.bytes_sent_per_sec]]
    },
    {
      id: 'gpu', title: 'GPU', percent: true, lines: d => d.gpu && list(d.gpu.gpus).flatMap(g => [
        [`GPU ${g.id} usage`, g.gpu_usage_percent],
        [`GPU ${g.id} memory`, ok(g.memory_usage_percent) ? g.memory_usage_percent : share(g.memory_used, g.memory_total)]])
    },
    {
      id: 'disk_io', title: 'Disk I/O', percent: false,
      lines: d => d.disk_io && [['Read', d.disk_io.read_bytes_per_sec], ['Write', d.disk_io.write_bytes_per_sec]]
    }
  ];
  const CHART_SECTIONS = ['processor', 'memory', 'network', 'gpu', 'disk_io'];
  const charts = new Map();
  let maxPoints = 1200;
  let lastSeq = -1;

  function chartBox(def) {
    const box = el('div', 'card chart');
    box.append(el('h2', null, def.title));
    const plot = el('div');
    box.append(plot);
    const after = CHARTS.slice(CHARTS.indexOf(def) + 1).map(d => charts.get(d.id)).find(Boolean);
    $('charts').insertBefore(box, after ? after.box : null);
    return { def, box, plot, labels: '', data: [[]], u: null };
  }
  function plotOf(chart, labels) {
    const fmt = chart.def.percent ? v => pct(v) : v => rate(v);
    const axis = { stroke: () => theme.fg, grid: { stroke: () => theme.grid, width: 1 }, ticks: { stroke: () => theme.grid, width: 1 } };
    return new uPlot({
      width: Math.max(200, chart.plot.clientWidth), height: 180,
      cursor: { drag: { x: false, y: false } },
      scales: chart.def.percent ? { y: { range: [0, 100] } } : { y: { range: (u, min, max) => [0, Math.max(1024, (max || 0) * 1.1)] } },
      // away from the cursor, the legend shows the newest values
      series: [{ value: (u, v, s, idx) => idx == null ? 'now' : new Date(v * 1000).toLocaleTimeString('en-GB') }]
        .concat(labels.map((label, i) => ({
          label, stroke: PALETTE[i % PALETTE.length], width: 1.5, points: { show: false },
          value: (u, v, s, idx) => fmt(idx == null ? u.data[s][u.data[s].length - 1] : v) ?? '–'
        }))),
      axes: [{ ...axis, incrs: TIME_STEPS }, { ...axis, size: 50, values: (u, vals) => vals.map(chart.def.percent ? percentAxis : shortBytes) }]
    }, chart.data, chart.plot);
  }
  // Adds one snapshot's point to each chart; draw=false while filling from history.
  function addPoint(snapshot, draw) {
    const x = parseTime(snapshot.timestamp) / 1000;
    if (!ok(x) || snapshot.seq <= lastSeq) return;
    lastSeq = snapshot.seq;
    const data = snapshot.data || {};
    for (const def of CHARTS) {
      const lines = def.lines(data);
      let chart = charts.get(def.id);
      if (!lines || !lines.length) {
        if (chart) pad(chart, x, null);
        continue;
      }
      if (!chart) { chart = chartBox(def); charts.set(def.id, chart); }
      const labels = lines.map(l => l[0]).join('\n');
      if (chart.labels !== labels) {
        // a new set of lines (a GPU appeared): start this chart afresh
        if (chart.u) chart.u.destroy();
        chart.labels = labels;
        chart.data = [[]].concat(lines.map(() => []));
        chart.u = plotOf(chart, lines.map(l => l[0]));
      }
      pad(chart, x, lines.map(l => ok(l[1]) ? l[1] : null));
    }
    if (draw && !document.hidden) drawCharts();
  }
  function pad(chart, x, values) {
    chart.data[0].push(x);
    for (let i = 1; i < chart.data.length; i++) chart.data[i].push(values ? values[i - 1] : null);
    if (chart.data[0].length > maxPoints) chart.data.forEach(column => column.splice(0, column.length - maxPoints));
  }
  function drawCharts() {
    for (const chart of charts.values()) if (chart.u) chart.u.setData(chart.data);
  }
  function resetCharts() {
    lastSeq = -1;
    for (const chart of charts.values()) chart.data = chart.data.map(() => []);
  }
  function fillCharts(snapshots) {
    resetCharts();
    list(snapshots).forEach(s => addPoint(s, false));
    drawCharts();
  }
  let resizing = false;
  new ResizeObserver(() => {
    if (resizing) return;
    resizing = true;
    requestAnimationFrame(() => {
      resizing = false;
      for (const chart of charts.values()) {
        const width = Math.max(200, chart.plot.clientWidth);
        if (chart.u && chart.u.width !== width) chart.u.setSize({ width, height: 180 });
      }
    });
  }).observe($('charts'));
  const dark = matchMedia('(prefers-color-scheme: dark)');
  dark.addEventListener('change', () => {
    readTheme();
    for (const chart of charts.values()) if (chart.u) chart.u.redraw(false, true);
  });
  readTheme();

  // ---------- connection ----------
  const TOKEN_KEY = 'wsmon.token';
  let token = null;
  let socket = null, attempt = 0, retryTimer = 0, countdown = 0, alertPoll = 0;
  let historyAsked = false;
  let latest = null;

  function storage(action) {
    try { return action(sessionStorage); } catch (e) { return null; }
  }
  // The token arrives in the page's URL once; it is kept for this tab and taken out of the address bar.
  function readToken() {
    const params = new URLSearchParams(location.search);
    if (params.has('token')) {
      token = params.get('token');
      storage(s => s.setItem(TOKEN_KEY, token));
      params.delete('token');
      const rest = params.toString();
      history.replaceState(null, '', location.pathname + (rest ? '?' + rest : '') + location.hash);
    } else {
      token = storage(s => s.getItem(TOKEN_KEY));
    }
  }
  const tokenQuery = () => token ? '?token=' + encodeURIComponent(token) : '';

  function setConnection(state, text) {
    $('conn').className = 'conn ' + state;
    $('conn-text').textContent = text;
  }
  function send(message) {
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
  }

  function connect() {
    clearTimeout(retryTimer);
    clearInterval(countdown);
    setConnection('wait', attempt ? `Reconnecting (attempt ${attempt + 1})…` : 'Connecting…');
    $('raw').href = '/api/snapshot' + tokenQuery();
    const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    const ws = new WebSocket(scheme + location.host + '/' + tokenQuery());
    let welcomed = false;
    socket = ws;
    historyAsked = false;
    ws.onmessage = event => {
      if (socket !== ws) return;
      const msg = JSON.parse(event.data);
      if (msg.type === 'connection') {
        welcomed = true;
        attempt = 0;
        setConnection('ok', 'Connected');
        lastSeq = -1;   // a restarted server counts from 1 again; its history replaces the charts
        header.version(msg.server_version || '');
        if (ok(msg.interval) && msg.interval > 0) maxPoints = Math.min(2400, Math.ceil(CHART_SECONDS / msg.interval));
        setAlerts(msg.active_alerts, recentAlerts.slice().reverse());
        send({ type: 'get_alerts' });
        alertPoll = setInterval(() => send({ type: 'get_alerts' }), ALERT_POLL_MS);
      } else if (msg.type === 'monitoring_data') {
        onData(msg);
      } else if (msg.type === 'history') {
        fillCharts(msg.snapshots);
      } else if (msg.type === 'alerts') {
        setAlerts(msg.active, msg.recent);
      }
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      clearInterval(alertPoll);
      if (welcomed) retry(); else whyRefused();
    };
  }

  function onData(msg) {
    if (!msg.data) return;
    latest = msg;
    if (!historyAsked) {
      // ask only for sections this server makes: it refuses names it does not know
      historyAsked = true;
      const sections = CHART_SECTIONS.filter(s => s in msg.data);
      if (sections.length) send({ type: 'get_history', count: maxPoints, sections });
    }
    if (Array.isArray(msg.alerts) && msg.alerts.length) alertsRaised(msg.alerts);
    addPoint(msg, true);
    if (!document.hidden) render(msg);
  }
  function render(msg) {
    renderHeader(msg);
    renderSections(msg.data);
    drawAlerts();
  }
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden && latest) { render(latest); drawCharts(); }
  });

  // The handshake failed: a missing or wrong token (the API answers 401/403), or the server is away.
  async function whyRefused() {
    try {
      const answer = await fetch('/api/status' + tokenQuery(), { cache: 'no-store' });
      if (answer.status === 401 || answer.status === 403) {
        askToken(token ? 'The server refused this token. Enter the right one:' : 'This server needs an access token:');
        return;
      }
    } catch (e) {
      // unreachable: retry below
    }
    retry();
  }
  function retry() {
    const delay = Math.min(15000, 1000 * 2 ** Math.min(attempt, 4)) * (0.8 + Math.random() * 0.4);
    attempt++;
    const at = Date.now() + delay;
    const tell = () => setConnection('down', `Disconnected · retrying in ${Math.max(0, Math.ceil((at - Date.now()) / 1000))} s`);
    tell();
    countdown = setInterval(tell, 1000);
    retryTimer = setTimeout(connect, delay);
  }
  function askToken(message) {
    setConnection('down', 'Access token needed');
    $('token-msg').textContent = message;
    $('token-form').hidden = false;
    $('token-input').focus();
  }
  $('token-form').addEventListener('submit', event => {
    event.preventDefault();
    token = $('token-input').value;
    storage(s => s.setItem(TOKEN_KEY, token));
    $('token-form').hidden = true;
    attempt = 0;
    connect();
  });

  readToken();
  drawAlerts();
  connect();
})();
