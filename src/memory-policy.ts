import { setFlagsFromString } from 'node:v8';

/**
 * V8 sizes its heap for the machine: on a server with gigabytes free it lets the garbage of
 * requests in flight pile up to four times the live heap before collecting it, which held the
 * service at 300 MB for 40 MB of live objects. Collecting when the heap has grown by half keeps
 * it near 200 MB at the same throughput (docs/development.md, "Memory"). Set here rather than on
 * the command line so that every way of starting the service has it; the benchmark's RSS
 * figures show that it takes effect.
 */
setFlagsFromString('--heap-growing-percent=50');
