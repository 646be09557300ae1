/**
 * `npm run bench`: loads a national-scale data set into a fresh SQLite file (or, with
 * DATABASE_URL, a fresh PostgreSQL schema), starts the built service as its own process, and
 * measures the main reads and session creation for an organizer, a host of tens of thousands of
 * participants and a participant, each beside `GET /api/health` in the same run; then the
 * attendance of a 500-person cohort: its report over 40 sessions, marking all of it at once, and
 * the whole cohort checking in to a session within 10 seconds; last, one run of the
 * notifications scheduler over 60,000 sessions and 5,000 participants.
 *
 *   npm run bench                          # both sizes, 5 s per measurement
 *   npm run bench -- --size large --duration 8 --runs 3
 *   npm run bench -- --size none           # only the notifications scheduler's run
 *
 * Every figure is also a ratio to the health route measured just before it: the machine is
 * shared and noisy, so a bare figure means little.
 */
import '../src/config/load-env-file';
import autocannon from 'autocannon';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { AddressInfo, createServer } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { validateEnvironment } from '../src/config/environment';
import { databaseOptions } from '../src/database/database-options';
import { migrate } from '../src/database/migrate';
import { openDataSource } from '../src/database/open-data-source';
import { JwtService } from '@nestjs/jwt';
import {
  ATTENDANCE_COHORT_SIZE,
  AttendanceCohort,
  BENCH_PASSWORD,
  DataSetSize,
  HOST_EMAIL,
  LARGE,
  PARTICIPANT_EMAIL,
  SMALL,
  loadAttendanceCohort,
  loadDataSet,
  publishEveryAgenda,
} from './data-set';
import { NOTIFICATION_SIZE, measureNotificationTick } from './notification-tick';

const ORGANIZER_EMAIL = 'organizer@bench.example.ru';

interface Options {
  sizes: DataSetSize[];
  duration: number;
  connections: number;
  runs: number;
}

function readOptions(): Options {
  const argument = (name: string) => {
    const index = process.argv.indexOf(`--${name}`);
    return index > 0 ? process.argv[index + 1] : undefined;
  };
  const size = argument('size') ?? 'both';
  const sizes = { both: [SMALL, LARGE], small: [SMALL], large: [LARGE], none: [] };
  return {
    sizes: sizes[size as keyof typeof sizes] ?? [LARGE],
    duration: Number(argument('duration') ?? 5),
    connections: Number(argument('connections') ?? 20),
    runs: Number(argument('runs') ?? 1),
  };
}

interface Measure {
  role: string;
  read: string;
  rps: number;
  p50: number;
  p99: number;
  healthRps: number;
  non2xx: number;
}

/** A read or write to measure: method, path, body per request. */
interface Target {
  role: 'organizer' | 'host' | 'participant';
  read: string;
  path: string;
  method?: 'GET' | 'POST' | 'PUT';
  body?: () => string;
  headers?: Record<string, string>;
}

/** Latencies of a burst of requests sent on a schedule rather than as fast as possible. */
interface Burst {
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  max: number;
  statuses: Record<number, number>;
}

class ServiceProcess {
  private child!: ChildProcess;
  maxRssMb = 0;
  private sampler?: NodeJS.Timeout;

  constructor(
    private readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  async start(): Promise<void> {
    this.child = spawn(process.execPath, [join(__dirname, '..', 'dist', 'src', 'main.js')], {
      env: { ...process.env, ...this.env, PORT: String(this.port) },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    for (let attempt = 0; attempt < 600; attempt++) {
      try {
        const response = await fetch(`${this.url}/api/health`);
        if (response.ok) {
          this.sampler = setInterval(() => this.sampleRss(), 250);
          return;
        }
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    throw new Error('The service did not start');
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  private sampleRss(): void {
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      this.maxRssMb = Math.max(this.maxRssMb, kb / 1024);
    } catch {
      // the process has ended
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.sampler);
    this.child.kill('SIGTERM');
    await new Promise((resolve) => this.child.once('exit', resolve));
  }
}

/** A port no other process listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function signIn(url: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) {
    throw new Error(`Sign-in of ${email} answered ${response.status}`);
  }
  return ((await response.json()) as { accessToken: string }).accessToken;
}

function load(
  url: string,
  target: Pick<Target, 'path' | 'method' | 'body' | 'headers'>,
  token: string | undefined,
  options: Options,
): Promise<autocannon.Result> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...target.headers,
  };
  if (token) {
    headers.authorization = `Bearer ${token}`;
  }
  return autocannon({
    url: `${url}${target.path}`,
    connections: options.connections,
    duration: options.duration,
    headers,
    requests: [
      {
        method: target.method ?? 'GET',
        setupRequest: (request) => (target.body ? { ...request, body: target.body() } : request),
      },
    ],
  });
}

function median(values: number[]): number {
  return percentile(values, 0.5);
}

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))];
}

/**
 * Every participant of the cohort checks in to the session under way once, the check-ins
 * spread evenly over `seconds`, as people arriving at the door.
 */
async function checkInBurst(
  url: string,
  cohort: AttendanceCohort,
  organizerToken: string,
  jwtSecret: string,
  seconds: number,
): Promise<Burst> {
  const jwt = new JwtService({ secret: jwtSecret });
  const tokens = await Promise.all(
    cohort.accounts.map(({ accountId, tokenVersion }) =>
      jwt.signAsync(
        { sub: String(accountId), role: 'participant', ver: tokenVersion },
        { algorithm: 'HS256', expiresIn: 3600 },
      ),
    ),
  );
  const codeResponse = await fetch(`${url}/api/sessions/${cohort.checkInSessionId}/check-in-code`, {
    headers: { authorization: `Bearer ${organizerToken}` },
  });
  const { code } = (await codeResponse.json()) as { code: string };
  const gap = (seconds * 1000) / tokens.length;
  const began = Date.now();
  const results = await Promise.all(
    tokens.map(async (token, index) => {
      await sleep(index * gap);
      const sent = performance.now();
      const response = await fetch(`${url}/api/sessions/${cohort.checkInSessionId}/check-in`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ code }),
      });
      await response.arrayBuffer();
      return { status: response.status, ms: performance.now() - sent };
    }),
  );
  const latencies = results.map((result) => result.ms);
  const statuses: Record<number, number> = {};
  for (const { status } of results) {
    statuses[status] = (statuses[status] ?? 0) + 1;
  }
  return {
    requests: results.length,
    seconds: (Date.now() - began) / 1000,
    p50: Math.round(percentile(latencies, 0.5)),
    p99: Math.round(percentile(latencies, 0.99)),
    max: Math.round(Math.max(...latencies)),
    statuses,
  };
}

async function measure(
  url: string,
  target: Target,
  token: string,
  options: Options,
): Promise<Measure> {
  const runs: Measure[] = [];
  for (let run = 0; run < options.runs; run++) {
    const health = await load(url, { path: '/api/health' }, undefined, options);
    const result = await load(url, target, token, options);
    runs.push({
      role: target.role,
      read: target.read,
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      healthRps: health.requests.average,
      non2xx: result.non2xx,
    });
  }
  const byRatio = [...runs].sort((a, b) => a.rps / a.healthRps - b.rps / b.healthRps);
  const middle = byRatio[Math.floor(byRatio.length / 2)];
  return { ...middle, p50: median(runs.map((r) => r.p50)), p99: median(runs.map((r) => r.p99)) };
}

async function benchmark(size: DataSetSize, options: Options) {
  const onPostgres = Boolean(process.env.DATABASE_URL);
  const directory = mkdtempSync(join(tmpdir(), 'mayors-bench-'));
  const databaseEnv: Record<string, string> = onPostgres
    ? {
        DATABASE_URL: process.env.DATABASE_URL!,
        DATABASE_SCHEMA: `bench_${randomBytes(4).toString('hex')}`,
      }
    : { SQLITE_PATH: join(directory, 'bench.sqlite') };
  const environment = validateEnvironment({ ...process.env, ...databaseEnv });
  const started = Date.now();
  const dataSource = await openDataSource(databaseOptions(environment));
  await migrate(dataSource);
  await loadDataSet(dataSource, size);
  const attendanceCohort = await loadAttendanceCohort(dataSource, size);
  await publishEveryAgenda(dataSource);
  const loadSeconds = (Date.now() - started) / 1000;

  const jwtSecret = randomBytes(32).toString('hex');
  const service = new ServiceProcess(await freePort(), {
    ...databaseEnv,
    NODE_ENV: 'production',
    JWT_SECRET: jwtSecret,
    LOG_LEVEL: 'silent',
    ADMIN_EMAIL: ORGANIZER_EMAIL,
    ADMIN_PASSWORD: BENCH_PASSWORD,
    LOGIN_ATTEMPTS_PER_ADDRESS: '100000',
    // The notifications job is measured on its own (notification-tick.ts).
    NOTIFICATIONS_INTERVAL_SECONDS: '0',
  });
  await service.start();
  const measures: Measure[] = [];
  let burst: Burst | undefined;
  try {
    const tokens = {
      organizer: await signIn(service.url, ORGANIZER_EMAIL, BENCH_PASSWORD),
      host: await signIn(service.url, HOST_EMAIL, BENCH_PASSWORD),
      participant: await signIn(service.url, PARTICIPANT_EMAIL, BENCH_PASSWORD),
    };
    // Stage 1 (cohort 1) is hosted by the host and attended by participant 1.
    const [{ id: sessionId }] = await dataSource.query(
      `SELECT "id" FROM "sessions" WHERE "stageId" = 1 ORDER BY "id" LIMIT 1`,
    );
    let created = 0;
    // New sessions take 15-minute slots from 11:00 to 21:00 on the stage's four days, as an
    // agenda fills up: not hundreds of them at one moment (each write answers its conflicts).
    const newSession = () => {
      const slot = ++created;
      const day = `2026-01-0${5 + (slot % 4)}`;
      const minutes = 11 * 60 + (Math.floor(slot / 4) % 40) * 15;
      const time = (at: number) =>
        `${String(Math.floor(at / 60)).padStart(2, '0')}:${String(at % 60).padStart(2, '0')}`;
      return JSON.stringify({
        title: 'Новая лекция',
        type: 'lecture',
        track: `bench-${process.pid}-${slot}`,
        startsAt: `${day}T${time(minutes)}`,
        endsAt: `${day}T${time(minutes + 15)}`,
      });
    };
    const reads = (role: Target['role']): Target[] => [
      { role, read: 'GET /api/me', path: '/api/me' },
      { role, read: 'GET /api/programs', path: '/api/programs' },
      { role, read: "GET a stage's sessions", path: '/api/stages/1/sessions' },
      { role, read: 'GET a session', path: `/api/sessions/${sessionId}` },
      {
        role,
        read: 'GET participants?search=смирн',
        path: `/api/participants?search=${encodeURIComponent('смирн')}`,
      },
    ];
    const targets: Target[] = [
      ...reads('organizer'),
      {
        role: 'organizer',
        read: 'POST a session',
        path: '/api/stages/1/sessions',
        method: 'POST',
        body: newSession,
      },
      ...reads('host'),
      {
        role: 'host',
        read: 'POST a session',
        path: '/api/stages/1/sessions',
        method: 'POST',
        body: newSession,
      },
      ...reads('participant'),
      ...attendanceTargets(attendanceCohort),
    ];
    for (const target of targets) {
      measures.push(await measure(service.url, target, tokens[target.role], options));
      const last = measures[measures.length - 1];
      process.stderr.write(
        `  ${size.name} ${last.role} ${last.read}: ${last.rps.toFixed(0)} req/s (health ${last.healthRps.toFixed(0)})\n`,
      );
    }
    burst = await checkInBurst(service.url, attendanceCohort, tokens.organizer, jwtSecret, 10);
    process.stderr.write(`  ${size.name} check-in burst: p99 ${burst.p99} ms\n`);
  } finally {
    await service.stop();
    if (onPostgres) {
      await dataSource.query(`DROP SCHEMA IF EXISTS "${databaseEnv.DATABASE_SCHEMA}" CASCADE`);
    }
    await dataSource.destroy();
    rmSync(directory, { recursive: true, force: true });
  }
  return { size, measures, burst, loadSeconds, maxRssMb: service.maxRssMb };
}

/** The organizer reads the 500-person cohort's report and marks a whole session at once. */
function attendanceTargets(cohort: AttendanceCohort): Target[] {
  const report = `/api/cohorts/${cohort.cohortId}/attendance-report`;
  let round = 0;
  const everyone = Array.from({ length: ATTENDANCE_COHORT_SIZE }, (_, i) => i + 1);
  return [
    {
      role: 'organizer',
      read: 'GET attendance report, 200 of 500 × 40',
      path: `${report}?limit=200`,
    },
    {
      role: 'organizer',
      read: 'GET attendance report CSV, 500 × 40',
      path: report,
      headers: { accept: 'text/csv' },
    },
    { role: 'organizer', read: 'GET per-session attendance', path: `${report}/sessions` },
    {
      role: 'organizer',
      read: 'PUT attendance of 500',
      path: `/api/sessions/${cohort.markedSessionId}/attendance`,
      method: 'PUT',
      // Every request changes all 500 records (and writes 500 audit entries).
      body: () => {
        const status = ++round % 2 === 0 ? 'present' : 'late';
        return JSON.stringify({
          marks: everyone.map((participantId) => ({ participantId, status })),
        });
      },
    },
  ];
}

function describe(size: DataSetSize): string {
  const stages = size.cohorts * size.stagesPerCohort;
  return (
    `${size.name}: ${size.programs} programs, ${stages} stages, ` +
    `${(stages * size.sessionsPerStage).toLocaleString('en')} sessions, ` +
    `${size.participants.toLocaleString('en')} participants, ` +
    `${(size.cohorts * size.enrollmentsPerCohort).toLocaleString('en')} enrollments`
  );
}

/** The report goes to standard output (progress to standard error). */
function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function main(): Promise<void> {
  const options = readOptions();
  const engine = process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite';
  const results = [];
  for (const size of options.sizes) {
    process.stderr.write(`Loading and measuring ${describe(size)} on ${engine}\n`);
    results.push(await benchmark(size, options));
  }
  const small = results.find((result) => result.size.name === 'small');
  print(
    `\n${engine}, ${options.connections} connections, ${options.duration} s per measurement, ` +
      `median of ${options.runs} run(s)`,
  );
  for (const result of results) {
    print(`\n${describe(result.size)}`);
    if (result.burst) {
      const { burst } = result;
      const answered = Object.entries(burst.statuses)
        .map(([status, count]) => `${count} × ${status}`)
        .join(', ');
      print(
        `${burst.requests} check-ins spread over ${burst.seconds.toFixed(1)} s: ` +
          `p50 ${burst.p50} ms, p99 ${burst.p99} ms, max ${burst.max} ms (${answered})`,
      );
    }
    print(
      `loaded in ${result.loadSeconds.toFixed(1)} s; service RSS at most ${result.maxRssMb.toFixed(0)} MB`,
    );
    print('| role | request | req/s | × health | p50 ms | p99 ms | p50 × small | non-2xx |');
    print('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const m of result.measures) {
      const atSmall = small?.measures.find((s) => s.role === m.role && s.read === m.read);
      const growth =
        atSmall && result !== small ? (m.p50 / Math.max(atSmall.p50, 1)).toFixed(2) : '';
      print(
        `| ${m.role} | ${m.read} | ${m.rps.toFixed(0)} | ${(m.rps / m.healthRps).toFixed(2)} | ` +
          `${m.p50} | ${m.p99} | ${growth} | ${m.non2xx} |`,
      );
    }
  }
}

/** Runs last: it loads the application module in this process. */
async function notificationTick(): Promise<void> {
  process.stderr.write(`Loading ${describe(NOTIFICATION_SIZE)} for the notifications scheduler\n`);
  const figures = await measureNotificationTick();
  print(`\nNotifications scheduler, ${describe(NOTIFICATION_SIZE)}`);
  print(`loaded in ${figures.loadSeconds.toFixed(1)} s`);
  print('| moment (UTC) | what | found and written | ms (median) |');
  print('| --- | --- | ---: | ---: |');
  const what = ['100 sessions about to start', 'the same again: all in the outbox', 'nothing due'];
  figures.runs.forEach((run, index) =>
    print(`| ${run.moment} | ${what[index]} | ${run.found} | ${run.ms} |`),
  );
  print(`delivering ${figures.sent} through the log channel: ${figures.sendMs} ms`);
}

main()
  .then(() => notificationTick())
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
