/**
 * Summarises a V8 CPU profile (`.cpuprofile`, from `--cpu-prof` or the inspector) of a benchmark
 * server: self time grouped by where the code lives (PostgreSQL driver, graphql-js, Nest, Apollo,
 * Fastify, logging, DataLoader, the API's own libraries, JSON, GC, …), plus the inclusive time of a
 * few frames that matter for a GraphQL server. All in milliseconds of CPU per request.
 *
 *   node dist/bench/claims-page/profile-summary.js file.cpuprofile [requests]
 */
import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const GROUPS: [name: string, test: (frame: CallFrame) => boolean][] = [
  ['idle', (f) => f.functionName === '(idle)'],
  ['garbage collection', (f) => f.functionName === '(garbage collector)'],
  ['(program: V8/native, unattributed)', (f) => f.functionName === '(program)'],
  [
    'pg driver (pg, pg-protocol, pg-pool, pg-types)',
    (f) => /node_modules\/(pg|pg-[a-z-]+|postgres-[a-z-]+)\//.test(f.url),
  ],
  [
    'Prisma',
    (f) => /node_modules\/(@prisma|\.prisma)\//.test(f.url) || /generated\/prisma/.test(f.url),
  ],
  ['graphql-js (parse/validate/execute)', (f) => /node_modules\/graphql\//.test(f.url)],
  [
    'Nest GraphQL (@nestjs/graphql, @nestjs/apollo)',
    (f) => /node_modules\/@nestjs\/(graphql|apollo)\//.test(f.url),
  ],
  [
    'Nest core (@nestjs/core, common: param/pipes/guards)',
    (f) => /node_modules\/@nestjs\/(core|common)\//.test(f.url),
  ],
  ['Apollo Server', (f) => /node_modules\/(@apollo|@as-integrations|@graphql-tools)\//.test(f.url)],
  [
    'Fastify + @nestjs/platform-fastify',
    (f) =>
      /node_modules\/(fastify|@fastify|find-my-way|avvio|light-my-request|@nestjs\/platform-fastify|fast-json-stringify|fast-querystring|secure-json-parse|rfdc|toad-cache)\//.test(
        f.url,
      ),
  ],
  [
    'logging (pino, pino-http, nestjs-pino)',
    (f) =>
      /node_modules\/(pino|pino-http|pino-std-serializers|nestjs-pino|sonic-boom|fast-redact|on-exit-leak-free|thread-stream|quick-format-unescaped)\//.test(
        f.url,
      ),
  ],
  [
    'validation (class-validator, class-transformer)',
    (f) => /node_modules\/(class-validator|class-transformer|validator)\//.test(f.url),
  ],
  ['DataLoader', (f) => /node_modules\/dataloader\//.test(f.url)],
  ['rxjs', (f) => /node_modules\/rxjs\//.test(f.url)],
  ['other node_modules', (f) => /node_modules\//.test(f.url)],
  ['API code: libs/attributions', (f) => /libs\/attributions\//.test(f.url)],
  ['API code: libs/claims', (f) => /libs\/claims\//.test(f.url)],
  ['API code: libs/articles', (f) => /libs\/articles\//.test(f.url)],
  ['API code: libs/actors', (f) => /libs\/actors\//.test(f.url)],
  ['API code: libs/core (loaders, cursors, ids)', (f) => /libs\/core\//.test(f.url)],
  ['API code: libs/database (query hook)', (f) => /libs\/database\//.test(f.url)],
  ['API code: apps/api', (f) => /apps\/api\//.test(f.url)],
  ['benchmark code', (f) => /bench\//.test(f.url)],
  ['node: net/stream/http internals', (f) => f.url.startsWith('node:')],
  [
    'JSON.stringify / JSON.parse',
    (f) => f.url === '' && /^(stringify|parse)$/.test(f.functionName),
  ],
  ['other V8 builtins (Promise, RegExp, Map, …)', (f) => f.url === ''],
];

/** Frames whose inclusive time (self plus callees, within one synchronous stack) is reported. */
const INCLUSIVE: [label: string, test: (frame: CallFrame) => boolean][] = [
  [
    'graphql-js execution, resolvers included (execute.js)',
    (f) => /graphql\/execution\/execute\.js/.test(f.url),
  ],
  [
    'Nest field-resolver wrapper (external-context-creator)',
    (f) => /@nestjs\/core\/helpers\/external-context-creator/.test(f.url),
  ],
  [
    'pg: parse result rows',
    (f) => /pg\/lib\/result\.js/.test(f.url) && f.functionName === 'parseRow',
  ],
  ['pg-protocol: parse messages', (f) => /pg-protocol/.test(f.url) && f.functionName === 'parse'],
  ['response JSON.stringify', (f) => f.url === '' && f.functionName === 'stringify'],
  ['pino-http request handling', (f) => /pino-http\/logger/.test(f.url)],
];

export interface ProfileSummary {
  totalMs: number;
  busyMs: number;
  groups: { name: string; ms: number }[];
  inclusive: { name: string; ms: number }[];
}

export function summarise(profile: CpuProfile): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const group = new Map<number, string>();
  for (const node of profile.nodes) {
    const found = GROUPS.find(([, test]) => test(node.callFrame));
    group.set(node.id, found ? found[0] : 'other');
  }
  const selfMs = new Map<string, number>();
  const inclusiveMs = new Map<string, number>();
  let totalMs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000; // a sample's time runs to the next sample
    totalMs += ms;
    const id = profile.samples[i];
    const name = group.get(id)!;
    selfMs.set(name, (selfMs.get(name) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      for (const [label, test] of INCLUSIVE) {
        if (!seen.has(label) && test(frame)) {
          seen.add(label);
          inclusiveMs.set(label, (inclusiveMs.get(label) ?? 0) + ms);
        }
      }
    }
  }
  const groups = [...selfMs].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
  return {
    totalMs,
    busyMs: totalMs - (selfMs.get('idle') ?? 0),
    groups,
    inclusive: INCLUSIVE.map(([name]) => ({ name, ms: inclusiveMs.get(name) ?? 0 })),
  };
}

/** The summary as text lines, per request when `requests` is given. */
export function formatSummary(summary: ProfileSummary, requests: number): string[] {
  const per = (ms: number) => (ms / Math.max(1, requests)).toFixed(3).padStart(8);
  const share = (ms: number) => `${((100 * ms) / summary.busyMs).toFixed(1).padStart(5)}%`;
  return [
    `  busy ${summary.busyMs.toFixed(0)} ms of ${summary.totalMs.toFixed(0)} ms sampled; ${requests} requests; ` +
      `CPU ms/request (share of busy time):`,
    ...summary.groups
      .filter((g) => g.name !== 'idle' && g.ms / summary.busyMs >= 0.002)
      .map((g) => `  ${per(g.ms)}  ${share(g.ms)}  ${g.name}`),
    '  inclusive:',
    ...summary.inclusive.map((g) => `  ${per(g.ms)}  ${share(g.ms)}  ${g.name}`),
  ];
}

if (require.main === module) {
  const [file, requests] = process.argv.slice(2);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  console.log(formatSummary(summarise(profile), Number(requests ?? 1)).join('\n'));
}
