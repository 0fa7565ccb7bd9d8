/**
 * `npm run bench`: time spec-lint against remark-cli, markdownlint-cli2 and a
 * bare parse, in one run, on the same generated files. Every measurement is a
 * fresh child process; repetitions rotate the tool order so a busy machine
 * does not favour one tool, and medians are reported.
 *
 * Parameters (env or `--name=value`): BENCH_N specs (default 200), BENCH_K
 * phases in the huge spec (default 1000; a second one has 2K), BENCH_REPS
 * (default 2), BENCH_SEED (default 1), BENCH_ONLY (comma list of sections:
 * main,cache,parallel,semi,huge).
 */
import {spawn, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {generateHuge, writeCorpus} from './corpus.js'
import {measureLsp} from './lsp.js'
import type {LspFigures} from './lsp.js'

const root = path.resolve(import.meta.dirname, '../..')
const bin = path.join(root, 'dist/src/cli/bin.js')
const floor = path.join(root, 'bench/.build/floor.js')
const remark = path.join(root, 'node_modules/remark-cli/cli.js')
const markdownlint = path.join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs')
const corpusDir = path.join(root, 'bench/.corpus')
const resultsFile = path.join(root, 'bench/results.md')

function param(name: string, fallback: number): number
function param(name: string, fallback: string): string
function param(name: string, fallback: number | string): number | string {
  const flag = process.argv.find((a) => a.startsWith(`--${name.toLowerCase()}=`))
  const raw = flag ? flag.slice(name.length + 3) : process.env[`BENCH_${name}`]
  if (raw === undefined || raw === '') return fallback
  if (typeof fallback === 'string') return raw
  const value = Number(raw)
  if (!Number.isFinite(value) || value < 0) throw new Error(`Unexpected BENCH_${name} \`${raw}\`, expected a number`)
  return value
}

const n = param('N', 200)
const k = param('K', 1000)
const reps = Math.max(1, param('REPS', 2))
const seed = param('SEED', 1)
const only = new Set(
  param('ONLY', 'main,cache,lsp,huge')
    .split(',')
    .map((s) => s.trim())
)

interface Sample {
  wall: number
  cpu: number
  rss: number | null
  code: number | null
}

interface Job {
  name: string
  args: string[]
  cwd?: string
  /** Run before each sample, untimed. */
  before?: () => void
  /** Several processes at once; the sample is the wall time until all end. */
  parallel?: string[][]
  env?: Record<string, string>
}

const timeBin = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null

function once(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Sample> {
  const stats = path.join(os.tmpdir(), `spec-lint-bench-${process.pid}-${Math.random().toString(36).slice(2)}.txt`)
  const argv = timeBin ? [timeBin, '-f', '%U %S %M', '-o', stats, process.execPath, ...args] : [process.execPath, ...args]
  const start = process.hrtime.bigint()
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0] as string, argv.slice(1), {cwd, stdio: ['ignore', 'ignore', 'pipe'], env: {...process.env, NO_COLOR: '1', ...env}})
    let tail = ''
    child.stderr.on('data', (chunk: Buffer) => {
      tail = (tail + chunk.toString('utf8')).slice(-2000)
    })
    child.on('error', reject)
    child.on('close', (code) => {
      const wall = Number(process.hrtime.bigint() - start) / 1e9
      let cpu = Number.NaN
      let rss: number | null = null
      if (timeBin && fs.existsSync(stats)) {
        const last = fs.readFileSync(stats, 'utf8').trim().split('\n').pop() ?? ''
        const [user, sys, maxKb] = last.split(' ').map(Number)
        cpu = (user ?? Number.NaN) + (sys ?? Number.NaN)
        rss = (maxKb ?? 0) * 1024
        fs.rmSync(stats, {force: true})
      }
      // Linters exit 1 when they report; anything else is a crash worth seeing.
      if (code === null || code > 1) process.stderr.write(`\n! ${args.join(' ')} exited ${code}:\n${tail}\n`)
      resolve({wall, cpu, rss, code})
    })
  })
}

async function sample(job: Job): Promise<Sample> {
  job.before?.()
  const cwd = job.cwd ?? corpusDir
  if (!job.parallel) return once(job.args, cwd, job.env)
  const start = process.hrtime.bigint()
  const all = await Promise.all(job.parallel.map((args) => once(args, cwd)))
  return {
    wall: Number(process.hrtime.bigint() - start) / 1e9,
    cpu: all.reduce((sum, s) => sum + s.cpu, 0),
    rss: all.every((s) => s.rss !== null) ? all.reduce((sum, s) => sum + (s.rss ?? 0), 0) : null,
    code: Math.max(...all.map((s) => s.code ?? 99))
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

interface Result {
  name: string
  wall: number
  cpu: number
  rss: number | null
  walls: number[]
}

/** Run every job `reps` times, rotating the order each repetition. */
async function measure(jobs: Job[], label: string): Promise<Result[]> {
  const samples = new Map<string, Sample[]>(jobs.map((j) => [j.name, []]))
  for (let rep = 0; rep < reps; rep++) {
    for (let i = 0; i < jobs.length; i++) {
      const job = jobs[(i + rep) % jobs.length] as Job
      process.stderr.write(`${label} rep ${rep + 1}/${reps}: ${job.name}… `)
      const s = await sample(job)
      process.stderr.write(`${s.wall.toFixed(2)} s\n`)
      samples.get(job.name)?.push(s)
    }
  }
  return jobs.map((job) => {
    const list = samples.get(job.name) ?? []
    const rss = list.map((s) => s.rss).filter((r): r is number => r !== null)
    return {
      name: job.name,
      wall: median(list.map((s) => s.wall)),
      cpu: median(list.map((s) => s.cpu)),
      rss: rss.length > 0 ? median(rss) : null,
      walls: list.map((s) => s.wall)
    }
  })
}

const mib = (bytes: number | null) => (bytes === null ? 'n/a' : `${(bytes / 1024 / 1024).toFixed(0)} MiB`)
const ratio = (a: number | null, b: number | null) => (a === null || b === null || !b ? 'n/a' : `${(a / b).toFixed(2)}x`)

function table(results: Result[], files: number, base: string): string[] {
  const ref = results.find((r) => r.name === base)
  const lines = [
    `| Tool | Wall (median) | Files/s | CPU user+sys | Peak RSS | Wall vs ${base} | CPU vs ${base} | RSS vs ${base} | Walls |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|---|'
  ]
  for (const r of results) {
    lines.push(
      `| ${r.name} | ${r.wall.toFixed(2)} s | ${(files / r.wall).toFixed(0)} | ${r.cpu.toFixed(2)} s | ${mib(r.rss)} | ${ratio(r.wall, ref?.wall ?? null)} | ${ratio(r.cpu, ref?.cpu ?? null)} | ${ratio(r.rss, ref?.rss ?? null)} | ${r.walls.map((w) => w.toFixed(2)).join(', ')} |`
    )
  }
  return lines
}

async function main(): Promise<void> {
  if (!fs.existsSync(bin) || !fs.existsSync(floor)) throw new Error('Build first: `npm run bench` builds `dist/`')
  const started = new Date()
  const load = os.loadavg()
  process.stderr.write(`Writing corpus (N=${n}, K=${k}, seed=${seed}) to ${path.relative(root, corpusDir)}…\n`)
  const corpus = writeCorpus(corpusDir, {n, k, seed})
  const out: string[] = [
    '# spec-lint benchmark',
    '',
    `Command: \`BENCH_N=${n} BENCH_K=${k} BENCH_REPS=${reps} BENCH_SEED=${seed} npm run bench\``,
    '',
    `Run ${started.toISOString()} on Node ${process.version}, ${os.cpus().length} CPUs, ` +
      `load average ${load.map((l) => l.toFixed(1)).join(' / ')} at start. Corpus: ${n} specs, ${(corpus.bytes / 1024 / 1024).toFixed(1)} MiB ` +
      `(3–60 KB, log-uniform), seed ${seed}. Medians of ${reps} repetitions, order rotated; each sample is a fresh process ` +
      `(peak RSS and CPU from \`/usr/bin/time\`). CPU time is steadier than wall time on a shared machine.`,
    ''
  ]
  const specs = 'specs'
  const lintArgs = [bin, '--no-color', specs]

  if (only.has('main')) {
    const results = await measure(
      [
        {name: 'fromMarkdown + GFM (floor)', args: [floor, specs]},
        {name: 'remark --use remark-gfm', args: [remark, '--no-color', '--no-stdout', '--use', 'remark-gfm', specs]},
        {
          name: 'remark + gfm + preset-lint-recommended',
          args: [remark, '--no-color', '--no-stdout', '--use', 'remark-gfm', '--use', 'remark-preset-lint-recommended', specs]
        },
        {name: 'markdownlint-cli2', args: [markdownlint, 'specs/**/*.md']},
        {name: 'spec-lint (recommended)', args: lintArgs},
        {name: 'spec-lint, one thread (SPEC_LINT_WORKERS=0)', args: lintArgs, env: {SPEC_LINT_WORKERS: '0'}}
      ],
      'main'
    )
    out.push(`## ${n} specs`, '', ...table(results, n, 'remark --use remark-gfm'), '')
  }

  if (only.has('cache')) {
    const location = path.join(os.tmpdir(), `spec-lint-bench-cache-${process.pid}`)
    const warmLocation = `${location}-warm`
    fs.rmSync(warmLocation, {force: true})
    spawnSync(process.execPath, [bin, '--cache', '--cache-location', warmLocation, specs], {cwd: corpusDir, stdio: 'ignore'})
    const results = await measure(
      [
        {name: 'spec-lint', args: lintArgs},
        {name: 'spec-lint --cache (cold)', args: [...lintArgs, '--cache', '--cache-location', location], before: () => fs.rmSync(location, {force: true})},
        {name: 'spec-lint --cache (warm)', args: [...lintArgs, '--cache', '--cache-location', warmLocation]}
      ],
      'cache'
    )
    fs.rmSync(location, {force: true})
    fs.rmSync(warmLocation, {force: true})
    out.push(`## Cache (${n} specs)`, '', ...table(results, n, 'spec-lint --cache (cold)'), '')
  }

  if (only.has('parallel')) {
    // Two processes on two halves approximate what two worker threads can win at best.
    const names = fs
      .readdirSync(path.join(corpusDir, specs))
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((f) => `${specs}/${f}`)
    const half = Math.ceil(names.length / 2)
    const results = await measure(
      [
        {name: 'spec-lint, 1 process', args: lintArgs},
        {
          name: 'spec-lint, 2 processes (half each)',
          args: [],
          parallel: [
            [bin, '--no-color', ...names.slice(0, half)],
            [bin, '--no-color', ...names.slice(half)]
          ]
        }
      ],
      'parallel'
    )
    out.push(`## Parallelism ceiling (${n} specs)`, '', ...table(results, n, 'spec-lint, 1 process'), '')
  }

  if (only.has('semi')) {
    const results = await measure(
      [
        {name: 'spec-lint (respawns with the flag)', args: lintArgs},
        {name: 'spec-lint, SPEC_LINT_NO_RESPAWN=1', args: lintArgs, env: {SPEC_LINT_NO_RESPAWN: '1'}},
        {name: 'floor', args: [floor, specs]},
        {name: 'node --max-semi-space-size=64 floor', args: ['--max-semi-space-size=64', floor, specs]}
      ],
      'semi'
    )
    out.push(`## Young generation (${n} specs)`, '', ...table(results, n, 'spec-lint, SPEC_LINT_NO_RESPAWN=1'), '')
  }

  if (only.has('lsp')) {
    out.push(...(await lspSection()), '')
  }

  /*
   * The default input limit follows the heap (`memoryPerInputByte` of heap
   * per byte of Markdown): a spec of thousands of phases is refused unless
   * both are raised, the way a user raises them (`--max-size`, `NODE_OPTIONS`).
   */
  const {memoryPerInputByte} = (await import(pathToFileURL(path.join(root, 'dist/src/parse/limits.js')).href)) as {memoryPerInputByte: number}
  const allowanceFor = (file: string) => fs.statSync(path.join(corpusDir, file)).size + 1024 * 1024
  const roomFor = (file: string) => ['--max-size', String(allowanceFor(file))]
  const heapFor = (file: string) => ({NODE_OPTIONS: `--max-old-space-size=${Math.ceil((allowanceFor(file) * memoryPerInputByte * 1.25) / 1024 / 1024)}`})

  if (only.has('huge') && corpus.huge.length === 2) {
    const [small, big] = corpus.huge.map((file) => path.relative(corpusDir, file)) as [string, string]
    const size = (file: string) => `${(fs.statSync(path.join(corpusDir, file)).size / 1024 / 1024).toFixed(1)} MiB`
    const results = await measure(
      [
        {name: `floor, ${k} phases`, args: [floor, small]},
        {name: `floor, ${2 * k} phases`, args: [floor, big]},
        {name: `spec-lint, ${k} phases`, args: [bin, '--no-color', ...roomFor(big), small], env: heapFor(big)},
        {name: `spec-lint, ${2 * k} phases`, args: [bin, '--no-color', ...roomFor(big), big], env: heapFor(big)}
      ],
      'huge'
    )
    out.push(`## Huge spec (${k} phases, ${size(small)}; ${2 * k} phases, ${size(big)})`, '', ...table(results, 1, `floor, ${k} phases`), '')
    const one = results.find((r) => r.name === `spec-lint, ${k} phases`)
    const two = results.find((r) => r.name === `spec-lint, ${2 * k} phases`)
    if (one && two) out.push(`Doubling the size costs spec-lint ${ratio(two.wall, one.wall)} wall, ${ratio(two.cpu, one.cpu)} CPU (goal ≤ 2.1x).`, '')
  }

  out.push(
    `Finished ${new Date().toISOString()}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')}.`,
    ''
  )
  fs.writeFileSync(resultsFile, out.join('\n'))
  process.stdout.write(out.join('\n'))
}

/** Language-server latency, this build's server and main's (when built) interleaved, on ~300 and ~5,000 lines. */
async function lspSection(): Promise<string[]> {
  const dir = path.join(corpusDir, 'lsp')
  fs.mkdirSync(path.join(dir, 'specs'), {recursive: true})
  const specs = [
    {name: 'small', file: path.join(dir, 'specs/small.md'), phases: 14},
    {name: 'large', file: path.join(dir, 'specs/large.md'), phases: 275}
  ]
  for (const spec of specs) fs.writeFileSync(spec.file, generateHuge(seed, spec.phases))
  const servers = [{name: 'this build', bin: path.join(root, 'dist/src/lsp/bin.js')}]
  const before = param('LSP_BEFORE', '')
  if (before && fs.existsSync(before)) servers.push({name: `before (${path.relative(root, before)})`, bin: before})
  const runs = new Map<string, LspFigures[]>()
  for (let rep = 0; rep < reps; rep++) {
    for (const spec of specs) {
      for (let i = 0; i < servers.length; i++) {
        const server = servers[(i + rep) % servers.length] as {name: string; bin: string}
        process.stderr.write(`lsp rep ${rep + 1}/${reps}: ${server.name}, ${spec.name}… `)
        const figures = await measureLsp(server.bin, spec.file)
        process.stderr.write(`median ${figures.median.toFixed(0)} ms\n`)
        const key = `${server.name}\u0000${spec.name}`
        runs.set(key, [...(runs.get(key) ?? []), figures])
      }
    }
  }
  const lines = [
    `## Language server (didChange → diagnostics, ${reps} runs of 10 one-character edits to sub-task lines right after opening, then 20 more; 3 bursts of 5 keystrokes 30 ms apart)`,
    '',
    '| Server | Spec | Median latency (first 10 edits) | Median, next 20 edits (warm) | Server CPU per edit | Burst end → last diagnostics | Stale versions published in bursts |',
    '|---|---|---:|---:|---:|---|---:|'
  ]
  for (const server of servers) {
    for (const spec of specs) {
      const all = runs.get(`${server.name}\u0000${spec.name}`) ?? []
      const latencies = all.flatMap((f) => f.latencies)
      const warm = all.flatMap((f) => f.warmLatencies)
      const cpu = all.map((f) => f.cpuPerEdit).filter((c): c is number => c !== null)
      const bursts = all.flatMap((f) => f.bursts)
      lines.push(
        `| ${server.name} | ${all[0]?.lines ?? 0} lines | ${median(latencies).toFixed(0)} ms | ${warm.length ? `${median(warm).toFixed(0)} ms` : 'n/a'} | ${cpu.length ? `${median(cpu).toFixed(0)} ms` : 'n/a'} | ${bursts.map((b) => b.toFixed(0)).join(', ')} ms | ${all.reduce((sum, f) => sum + f.staleBurstPublishes, 0)} |`
      )
    }
  }
  return lines
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
})
