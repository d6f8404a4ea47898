/**
 * GPUs through the {@code nvidia-smi} command: {@link io.wsmon.gpu.smi.NvidiaSmiReader} runs it with a hard
 * timeout and parses its CSV answer.
 */
package io.wsmon.gpu.smi;
