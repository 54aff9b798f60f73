// The benchmark of issue #4: `npm run bench` (bundles first). Writes bench/report.json and
// bench/report.md and prints the table. Archives are generated under $BENCH_DIR (default
// a new folder under the temp folder, removed at the end), never in the repository. `--quick` runs fewer repetitions;
// `--only=cold,batch100,noop,check,watch,peers,batch30,machine,version,import,profile` runs only those sections
// (and reports under $BENCH_DIR), `--once` runs each peer, batch-30 and start-up measure once.
// Peers (issue #12): Typst 0.14 through its Node binding sets the same sample issue with the same
// fonts (bench/typst.mjs). The Fandol rows use TeX Live's Fandol fonts where installed, or the
// folder in $BULLETIN_FANDOL_DIR; the report says when they are absent.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateArchive } from './gen-archive.mjs';
import { writeSubmissions } from './gen-submissions.mjs';
import { fandolConfig, findFandol, typstFontDir } from './peers.mjs';
import { typstSource } from './typst.mjs';
import YAML from 'yaml';
import { summarise } from './profile.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(REPO, 'bin/bulletin.js');
if (process.argv.includes('--help') || process.argv.includes('-h')) {
  process.stdout.write(
    [
      'usage: npm run bench -- [--quick] [--once] [--only=SECTIONS]',
      '  --quick   fewer repetitions',
      '  --once    one run of each peer, batch-30 and start-up measure',
      '  --only=   comma-separated: cold,batch100,noop,check,web,image,watch,peers,batch30,machine,version,import,profile',
      'Archives go to a new folder under the temp folder (or $BENCH_DIR), removed at the end.',
      "The Fandol rows use TeX Live's Fandol fonts, or the folder in $BULLETIN_FANDOL_DIR.",
      '',
    ].join('\n'),
  );
  process.exit(0);
}
// A folder of this run's own unless $BENCH_DIR names one: two runs at once never share archives.
const WORK = path.resolve(process.env.BENCH_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'bulletin-bench-')));
const QUICK = process.argv.includes('--quick');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const ENV = { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', NO_COLOR: '1' };
const SAMPLE_ISSUE = '2026/2'; // for the watch measurement and the profile
const ONLY = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
const want = (section) => !ONLY || ONLY.includes(section);
// `--once`: one run of each peer, batch-30 and start-up measure (to see that they work).
const ONCE = process.argv.includes('--once');
const runs = (quick, full) => (ONCE ? 1 : QUICK ? quick : full);

function log(s) {
  process.stderr.write(s + '\n');
}

/** Busy CPU time of the whole machine so far, in seconds (Linux /proc/stat; NaN elsewhere). */
function machineBusy() {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal
    return (f[0] + f[1] + f[2] + f[5] + f[6] + (f[7] ?? 0)) / 100;
  } catch {
    return NaN;
  }
}

/**
 * Run the CLI once in a fresh process: wall time (s), peak RSS (MiB), CPU time of the process
 * (s), CPU time the rest of the machine used meanwhile (s: other users of the shared cores), exit
 * code, output.
 */
function cli(args, cwd, env = ENV) {
  return timed([BIN, ...args], cwd, env);
}

/** The same for any Node script (`node …args`): the Typst peer, bare `node -e 0`. */
function timed(nodeArgs, cwd, env = ENV) {
  const argv = TIME
    ? [TIME, ['-f', 'BENCH_RSS=%M BENCH_CPU=%U+%S', process.execPath, ...nodeArgs]]
    : [process.execPath, ['-r', path.join(REPO, 'bench/rss-hook.cjs'), ...nodeArgs]];
  const busy0 = machineBusy();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv[1], { cwd, env, encoding: 'utf8', maxBuffer: 64 << 20 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const busy = machineBusy() - busy0;
  const m = /BENCH_RSS=(\d+)/.exec(r.stderr ?? '');
  const c = /BENCH_CPU=([\d.]+)\+([\d.]+)/.exec(r.stderr ?? '');
  const cpu = c ? Number(c[1]) + Number(c[2]) : NaN;
  return { wall, rss: m ? Number(m[1]) / 1024 : NaN, cpu, others: Math.max(0, busy - cpu), code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median, min: s[0], max: s[s.length - 1], n: s.length, runs: xs };
}

function repeat(n, f) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(f(i));
  return out;
}

function hashes(dir) {
  const dist = path.join(dir, 'dist');
  return Object.fromEntries(
    readdirSync(dist)
      .filter((f) => f.endsWith('.pdf'))
      .sort()
      .map((f) => [
        f,
        createHash('sha256')
          .update(readFileSync(path.join(dist, f)))
          .digest('hex'),
      ]),
  );
}

function must(r, what) {
  if (r.code !== 0) throw new Error(`${what} failed (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
  return r;
}

/**
 * The threads a batch used, from its summary line (which names them only when there were more
 * than one), and how a row says it.
 */
function threadsOf(r) {
  return Number(/with (\d+) threads/.exec(r.stdout)?.[1] ?? 1);
}
const threadsLabel = (n) => (n === 1 ? '1 thread' : `${n} threads`);

const results = {};
const rows = [];
function row(id, what, unit, st, target, cmp = '<=') {
  const met = cmp === '<=' ? st.median <= target : st.median >= target;
  rows.push({
    id,
    what,
    unit,
    median: st.median,
    min: st.min,
    max: st.max,
    n: st.n,
    target: `${cmp === '<=' ? '≤' : '≥'} ${target}${unit === '×' ? '×' : ' ' + unit}`,
    met,
  });
}

const load0 = os.loadavg();
rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });

// The sample archive: the repository's bulletin.yaml and issues, copied, with the fonts pinned to
// the npm-shipped defaults (the targets are for the default fonts, whatever this machine has).
const sample = path.join(WORK, 'sample');
mkdirSync(sample);
writeFileSync(path.join(sample, 'bulletin.yaml'), readFileSync(path.join(REPO, 'bulletin.yaml'), 'utf8') + '\nfonts: { system: false }\n');
cpSync(path.join(REPO, 'issues'), path.join(sample, 'issues'), { recursive: true });

// 1. Cold process, one issue: each sample issue of the repository (2026/1 is the 6-page one).
const SAMPLES = readdirSync(path.join(sample, 'issues/2026'))
  .filter((n) => /^\d+$/.test(n))
  .sort((a, b) => a - b)
  .map((n) => `2026/${n}`);
results.cold = {};
results.pdfSize = {};
for (const issue of want('cold') ? SAMPLES : []) {
  log(`1. cold build of ${issue} …`);
  repeat(2, () => must(cli(['build', issue], sample), 'warm-up build'));
  const cold = repeat(QUICK ? 5 : 15, () => must(cli(['build', issue], sample), 'cold build'));
  const pages = Number(/\((\d+) pages/.exec(cold[0].stdout)?.[1] ?? NaN);
  results.cold[issue] = { pages, wall: stats(cold.map((r) => r.wall)), rss: stats(cold.map((r) => r.rss)) };
  row('1', `cold \`build ${issue}\` (${pages} pages), wall`, 's', results.cold[issue].wall, 0.2);
  row('1', `cold \`build ${issue}\`, peak RSS`, 'MiB', results.cold[issue].rss, 115);
  // 5. PDF size of the sample issue.
  const bytes = statSync(path.join(sample, 'dist', `${issue.replace('/', '-')}.pdf`)).size;
  results.pdfSize[issue] = { bytes, pages };
}

// 2. build --all --force over 100 issues.
const archive = generateArchive(path.join(WORK, 'archive100'), 100);
if (want('batch100')) {
  log('2. build --all --force, 100 issues …');
  const reps = QUICK ? 1 : 3;
  const j1 = [];
  const j2 = [];
  let firstHashes;
  let deterministic = true;
  const dflt = [];
  // The three in turn, each round starting one further on, so that a spell of load from other
  // tenants falls on all of them alike and none always follows the same one.
  const kinds = [
    () => j1.push(must(cli(['build', '--all', '--force', '--jobs', '1'], archive), 'build --all --jobs 1')),
    () => j2.push(must(cli(['build', '--all', '--force', '--jobs', '2'], archive), 'build --all --jobs 2')),
    () => dflt.push(must(cli(['build', '--all', '--force'], archive), 'build --all')),
  ];
  for (let i = 0; i < reps; i++) {
    for (let k = 0; k < kinds.length; k++) {
      kinds[(i + k) % kinds.length]();
      const h = hashes(archive);
      firstHashes ??= h;
      deterministic &&= JSON.stringify(h) === JSON.stringify(firstHashes);
    }
  }
  // Another time zone and locale change nothing.
  must(cli(['build', '--all', '--force'], archive, { ...ENV, TZ: 'Pacific/Kiritimati', LANG: 'zh_CN.UTF-8' }), 'build --all (TZ, LANG)');
  const tzSame = JSON.stringify(hashes(archive)) === JSON.stringify(firstHashes);
  results.batch = {
    issues: Object.keys(firstHashes).length,
    jobs1: stats(j1.map((r) => r.wall)),
    jobs2: stats(j2.map((r) => r.wall)),
    default: stats(dflt.map((r) => r.wall)),
    rss2: stats(j2.map((r) => r.rss)),
    cpu1: stats(j1.map((r) => r.cpu)),
    cpu2: stats(j2.map((r) => r.cpu)),
    othersDuring1: stats(j1.map((r) => r.others)),
    othersDuring2: stats(j2.map((r) => r.others)),
    deterministicAcrossRunsAndJobs: deterministic,
    deterministicAcrossTzAndLocale: tzSame,
  };
  const speedups = j1.map((r, i) => r.wall / j2[i].wall);
  results.batch.speedup = stats(speedups);
  results.batch.speedupOfMedians = results.batch.jobs1.median / results.batch.jobs2.median;
  const threads = threadsOf(dflt[0]);
  results.batch.defaultThreads = threads;
  row('2', `\`build --all --force\`, 100 issues, default jobs (${threadsLabel(threads)}, ${os.availableParallelism()} cores)`, 's', results.batch.default, 3);
  row('2', '… with `--jobs 1`', 's', results.batch.jobs1, Infinity);
  row('2', '… with `--jobs 2`', 's', results.batch.jobs2, 4);
  row('2', 'speed-up of `--jobs 2` over `--jobs 1` (per pair of runs)', '×', results.batch.speedup, 1.7, '>=');
}

// 3. Nothing changed.
if (want('noop')) {
  log('3. build --all, nothing changed …');
  const noop = repeat(QUICK ? 3 : 7, () => must(cli(['build', '--all'], archive), 'build --all (no change)'));
  if (!/0 built, 100 skipped/.test(noop[0].stdout)) throw new Error(`expected every issue skipped:\n${noop[0].stdout}`);
  results.noChange = stats(noop.map((r) => r.wall));
  row('3', '`build --all`, nothing changed (100 issues)', 's', results.noChange, 0.5);
}

// 4. check --all.
if (want('check')) {
  log('4. check --all …');
  const check = repeat(QUICK ? 3 : 7, () => cli(['check', '--all'], archive));
  if (check[0].code !== 0 && check[0].code !== 1) throw new Error(`check --all: exit ${check[0].code}\n${check[0].stderr}`);
  results.checkAll = { ...stats(check.map((r) => r.wall)), exitCode: check[0].code };
  row('4', '`check --all` (100 issues)', 's', results.checkAll, 1);
}

// 7. Web edition of the whole archive (the PDFs built above are copied next to their pages).
if (want('web')) {
  log('7. web --all …');
  const webDir = path.join(archive, 'dist', 'web');
  const webFresh = repeat(QUICK ? 3 : 5, () => {
    rmSync(webDir, { recursive: true, force: true });
    return must(cli(['web', '--all'], archive), 'web --all');
  });
  results.webAll = stats(webFresh.map((r) => r.wall));
  row('7', '`web --all`, 100 issues into an empty site', 's', results.webAll, 2);
  const webNoop = repeat(QUICK ? 3 : 5, () => must(cli(['web', '--all'], archive), 'web --all (no change)'));
  if (!/ 0 file\(s\) written/.test(webNoop[0].stdout)) throw new Error(`expected no page rewritten:\n${webNoop[0].stdout}`);
  results.webNoChange = stats(webNoop.map((r) => r.wall));
  row('7', '`web --all`, nothing changed (100 issues)', 's', results.webNoChange, 2);
}

// 8. Phone image of the 8-page sample issue.
if (want('image')) {
  log('8. image 2026/2 …');
  const image = repeat(QUICK ? 3 : 5, () => must(cli(['image', '2026/2'], sample), 'image 2026/2'));
  results.image = { wall: stats(image.map((r) => r.wall)), slices: Number(/(\d+) slice/.exec(image[0].stdout)?.[1] ?? NaN) };
  row('8', `\`image 2026/2\` (8-page issue → ${results.image.slices} slices of 1080 px)`, 's', results.image.wall, 2);
}

for (const [issue, { bytes, pages }] of Object.entries(results.pdfSize))
  row(
    '5',
    `PDF size of the sample issue ${issue} (${pages} pages; 1 KB = 1000 bytes)`,
    'KB',
    { median: bytes / 1000, min: bytes / 1000, max: bytes / 1000, n: 1 },
    250,
  );

// 6. Watch: rebuild after an edit, fonts kept loaded.
if (want('watch')) {
  log('6. build --watch rebuilds …');
  results.watch = await watchBench(sample, QUICK ? 5 : 12);
  row('6', '`build --watch`: rebuild after an edit (build time)', 'ms', results.watch.build, 100);
  row('6', '`build --watch`: edit → new PDF (incl. 50 ms debounce)', 'ms', results.watch.latency, Infinity);
}

// Font sets for the peer and batch rows: the npm defaults always, Fandol where installed.
const BASE_YAML = readFileSync(path.join(REPO, 'bulletin.yaml'), 'utf8');
const SERIES = YAML.parse(BASE_YAML);
const FANDOL = findFandol();
results.fonts = { noto: 'Noto Serif SC Regular/Bold, Noto Sans SC Medium (npm defaults, TrueType)', fandol: FANDOL ?? null };
const notes = [];
const fontSets = [{ set: 'noto', label: 'Noto (TrueType)', dir: sample }];
if (FANDOL) {
  const dir = path.join(WORK, 'sample-fandol');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'bulletin.yaml'), fandolConfig(BASE_YAML, FANDOL));
  cpSync(path.join(REPO, 'issues'), path.join(dir, 'issues'), { recursive: true });
  fontSets.push({ set: 'fandol', label: 'Fandol (CFF)', dir });
} else
  notes.push(
    `Fandol (TeX Live's CFF OpenType fonts) is not installed here (looked in ${FANDOL_DIRS_TEXT()}): no Fandol rows. Set BULLETIN_FANDOL_DIR to a folder holding the Fandol .otf files to measure them.`,
  );
function FANDOL_DIRS_TEXT() {
  return process.env.BULLETIN_FANDOL_DIR ? `$BULLETIN_FANDOL_DIR=${process.env.BULLETIN_FANDOL_DIR}` : 'the TeX Live font folders';
}

// 7. Peers: bulletin and Typst set the 6-page sample issue with the same fonts, runs alternating.
const PEER_ISSUE = '2026/1';
if (want('peers')) {
  results.peers = {};
  for (const { set, label, dir } of fontSets) {
    log(`7. bulletin and Typst, ${label} …`);
    const fontDir = typstFontDir(path.join(WORK, `typst-fonts-${set}`), set, FANDOL);
    const main = path.join(WORK, `typst-${set}.typ`);
    writeFileSync(main, typstSource(path.join(dir, 'issues', PEER_ISSUE), SERIES, set));
    const typst = () => must(timed([path.join(REPO, 'bench/typst.mjs'), main, fontDir, path.join(WORK, `typst-${set}.pdf`)], WORK), 'typst');
    const ours = () => must(cli(['build', PEER_ISSUE], dir), 'cold build');
    ours(); // warm-up: page cache, code cache
    typst();
    const b = [];
    const t = [];
    for (let i = 0; i < runs(5, 11); i++) {
      if (i % 2) t.push(typst()), b.push(ours());
      else b.push(ours()), t.push(typst());
    }
    const pages = { bulletin: Number(/\((\d+) pages/.exec(b[0].stdout)?.[1]), typst: Number(/(\d+) pages/.exec(t[0].stdout)?.[1]) };
    const r = (runs) => ({ wall: stats(runs.map((x) => x.wall)), cpu: stats(runs.map((x) => x.cpu)), rss: stats(runs.map((x) => x.rss)) });
    const p = (results.peers[set] = {
      label,
      pages,
      bulletin: r(b),
      typst: r(t),
      ratio: stats(b.map((x, i) => x.wall / t[i].wall)),
      cpuRatio: stats(b.map((x, i) => x.cpu / t[i].cpu)),
    });
    row('7', `cold \`build ${PEER_ISSUE}\`, ${label}: bulletin (${pages.bulletin} pages), wall`, 's', p.bulletin.wall, Infinity);
    row('7', `… Typst 0.14 (Node binding), same issue and fonts (${pages.typst} pages), wall`, 's', p.typst.wall, Infinity);
    row('7', '… bulletin ÷ Typst, wall (per pair of runs)', '×', p.ratio, 1);
    row('7', '… bulletin ÷ Typst, CPU time (per pair of runs)', '×', p.cpuRatio, Infinity);
    row('7', `… peak RSS of bulletin (Typst: ${p.typst.rss.median.toFixed(1)} MiB)`, 'MiB', p.bulletin.rss, Number(p.typst.rss.median.toFixed(1)));
  }
}

/** `build --all --force` of `dir` with the default job count and with --jobs 1, in alternating pairs. */
function defaultAgainstOne(dir, pairs) {
  const d = [];
  const one = [];
  const dflt = () => d.push(must(cli(['build', '--all', '--force'], dir), 'build --all'));
  const single = () => one.push(must(cli(['build', '--all', '--force', '--jobs', '1'], dir), 'build --all --jobs 1'));
  for (let i = 0; i < pairs; i++) {
    if (i % 2) single(), dflt();
    else dflt(), single();
  }
  return {
    default: stats(d.map((r) => r.wall)),
    jobs1: stats(one.map((r) => r.wall)),
    ratio: stats(d.map((r, i) => r.wall / one[i].wall)),
    defaultThreads: threadsOf(d[0]),
  };
}

/**
 * What a batch would take if a fresh process could start with V8 warm (bench/warm-batch.mjs: the
 * batch run twice in one process, the second pass timed), and that plus a bare Node start and
 * the bundle load: a lower bound for `build --all --force`, short of doing less work.
 */
function warmFloor(dir, n) {
  const warm = [];
  const command = [];
  for (let i = 0; i < n; i++) {
    const r = must(timed([path.join(REPO, 'bench/warm-batch.mjs')], dir), 'warm batch');
    const { loadMs, passes } = JSON.parse(r.stdout);
    const bare = timed(['-e', '0'], dir).wall;
    warm.push(passes[1] / 1000);
    command.push(bare + loadMs / 1000 + passes[1] / 1000);
  }
  return { warm: stats(warm), command: stats(command) };
}

/**
 * The summary names the threads when there were more than one: without, the default was one
 * thread, the very run --jobs 1 makes, and their ratio shows only the noise between runs.
 */
function ratioRow(b) {
  if (b.defaultThreads > 1) row('8', '… default ÷ `--jobs 1` (per pair of runs)', '×', b.ratio, 1);
  else row('8', '… default ÷ `--jobs 1` (per pair of runs): the same run, so only noise', '×', b.ratio, Infinity);
}

// 8. Batches of 30 issues (and 100 in Fandol, 200 in Noto): the default job count against --jobs 1.
if (want('batch30')) {
  results.batch30 = {};
  for (const { set, label } of fontSets) {
    const config = set === 'fandol' ? fandolConfig(BASE_YAML, FANDOL) : undefined;
    const dir = generateArchive(path.join(WORK, `archive30-${set}`), 30, { config });
    log(`8. build --all --force, 30 issues, ${label} …`);
    const b = (results.batch30[set] = defaultAgainstOne(dir, runs(2, 5)));
    row('8', `\`build --all --force\`, 30 issues, ${label}, default jobs (${threadsLabel(b.defaultThreads)})`, 's', b.default, 1);
    row('8', '… with `--jobs 1`', 's', b.jobs1, Infinity);
    ratioRow(b);
    const floor = (b.floor = warmFloor(dir, runs(2, 5)));
    row('8', '… floor: the same batch again in the same process (code compiled and optimized), wall', 's', floor.warm, Infinity);
    row('8', '… floor of the command: bare `node -e 0` + bundle load + that warm pass', 's', floor.command, Infinity);
    if (set === 'noto') {
      // A batch large enough for the default to take a second thread (pool.ts: from 128 issues).
      const dir200 = generateArchive(path.join(WORK, 'archive200'), 200);
      log(`8. build --all --force, 200 issues, ${label} …`);
      const c = (b.at200 = defaultAgainstOne(dir200, runs(1, 3)));
      row('8', `\`build --all --force\`, 200 issues, ${label}, default jobs (${threadsLabel(c.defaultThreads)})`, 's', c.default, Infinity);
      row('8', '… with `--jobs 1`', 's', c.jobs1, Infinity);
      ratioRow(c);
    }
    if (set === 'fandol') {
      const dir100 = generateArchive(path.join(WORK, 'archive100-fandol'), 100, { config });
      log(`8. build --all --force, 100 issues, ${label} …`);
      const runs100 = repeat(runs(1, 3), () => must(cli(['build', '--all', '--force'], dir100), 'build --all'));
      b.default100 = stats(runs100.map((r) => r.wall));
      row('8', `\`build --all --force\`, 100 issues, ${label}, default jobs (${threadsLabel(threadsOf(runs100[0]))})`, 's', b.default100, 3);
      const floor100 = (b.floor100 = warmFloor(dir100, runs(1, 3)));
      row('8', '… floor: the same batch again in the same process (code compiled and optimized), wall', 's', floor100.warm, Infinity);
      row('8', '… floor of the command: bare `node -e 0` + bundle load + that warm pass', 's', floor100.command, Infinity);
    }
  }
}

// 11. The machine itself: what two cores give two processes that share nothing. Each is held to
// one thread (V8's compiler and GC threads off), so that two of them never ask for more than the
// two cores; without a code cache, which is kept per set of V8 flags.
if (want('machine')) {
  log('11. two single-threaded builds at once, against one alone …');
  const dirs = ['a', 'b'].map((k) => generateArchive(path.join(WORK, `machine-${k}`), 30));
  const args = ['--single-threaded', BIN, 'build', '--all', '--force', '--jobs', '1'];
  const env = { ...ENV, BULLETIN_NO_CODE_CACHE: '1' };
  const wallOf = (dir) =>
    new Promise((resolve, reject) => {
      const t0 = process.hrtime.bigint();
      const child = spawn(process.execPath, args, { cwd: dir, env, stdio: 'ignore' });
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve(Number(process.hrtime.bigint() - t0) / 1e9) : reject(new Error(`single-threaded build: exit ${code}`))));
    });
  const alone = [];
  const together = [];
  for (let i = 0; i < runs(2, 3); i++) {
    alone.push(await wallOf(dirs[0]));
    together.push(await Promise.all(dirs.map(wallOf)));
  }
  results.machine = {
    alone: stats(alone),
    together: stats(together.flat()),
    slowdown: stats(together.flatMap((pair, i) => pair.map((w) => w / alone[i]))),
  };
  const x = results.machine.slowdown.median;
  row('11', 'two single-threaded `build --all --force` of 30 issues at once: each ÷ the same build alone', '×', results.machine.slowdown, Infinity);
  notes.push(
    `Two processes that share nothing, each held to one thread (node --single-threaded), run ${x.toFixed(2)}× as long side by side as alone on this machine (${results.machine.alone.median.toFixed(2)} s alone): its two cores give at most ${(2 / x).toFixed(2)}× the work of one, before any cost of splitting the work.`,
  );
}

// 9. Start-up: `bulletin --version` against bare `node -e 0`, runs alternating.
if (want('version')) {
  log('9. bulletin --version and node -e 0 …');
  cli(['--version'], sample);
  const v = [];
  const bare = [];
  for (let i = 0; i < runs(7, 21); i++) {
    v.push(must(cli(['--version'], sample), 'bulletin --version'));
    bare.push(must(timed(['-e', '0'], sample), 'node -e 0'));
  }
  results.version = {
    bulletin: stats(v.map((r) => r.wall)),
    node: stats(bare.map((r) => r.wall)),
    diffMs: stats(v.map((r, i) => (r.wall - bare[i].wall) * 1000)),
  };
  row('9', '`bulletin --version`, wall', 's', results.version.bulletin, Infinity);
  row('9', '… bare `node -e 0`, wall', 's', results.version.node, Infinity);
  row('9', '… difference (per pair of runs)', 'ms', results.version.diffMs, 30);
}

// 10. Import: ten Word submissions into a new issue (the check of the issue that follows included).
if (want('import')) {
  log('10. import of 10 .docx submissions …');
  const inbox = path.join(WORK, 'import');
  mkdirSync(inbox, { recursive: true });
  writeFileSync(path.join(inbox, 'bulletin.yaml'), readFileSync(path.join(REPO, 'bulletin.yaml'), 'utf8') + '\nfonts: { system: false }\n');
  await writeSubmissions(path.join(inbox, 'in'));
  const docs = readdirSync(path.join(inbox, 'in'))
    .sort()
    .map((f) => path.join('in', f));
  const imports = repeat(QUICK ? 3 : 7, () => {
    rmSync(path.join(inbox, 'issues'), { recursive: true, force: true });
    return must(cli(['import', ...docs, '--issue', '2026/3', '--date', '2026-03-09'], inbox), 'import');
  });
  results.import = { files: docs.length, wall: stats(imports.map((r) => r.wall)) };
  row('10', `\`import\` of ${docs.length} .docx submissions into a new issue (with its check), wall`, 's', results.import.wall, 1);
}

// Profile of the cold single-issue build.
if (want('profile')) {
  log('profile …');
  const PROFILE_ISSUE = Object.entries(results.cold).find(([, c]) => c.pages === 6)?.[0] ?? SAMPLE_ISSUE;
  const profDir = path.join(WORK, 'profile');
  rmSync(profDir, { recursive: true, force: true });
  execFileSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', profDir, BIN, 'build', PROFILE_ISSUE], { cwd: sample, env: ENV, stdio: 'ignore' });
  const profFile = path.join(
    profDir,
    readdirSync(profDir).find((f) => f.endsWith('.cpuprofile')),
  );
  results.profile = { issue: PROFILE_ISSUE, file: profFile, ...summarise(profFile, { top: 20 }) };
}

const load1 = os.loadavg();
results.machine = {
  cores: os.availableParallelism(),
  cpu: os.cpus()[0]?.model,
  memGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  loadavgBefore: load0,
  loadavgAfter: load1,
  measuredRss: TIME ? '/usr/bin/time %M' : 'process.resourceUsage().maxRSS',
  commit: (() => {
    try {
      return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
    } catch {
      return undefined;
    }
  })(),
  date: new Date().toISOString(),
  quick: QUICK,
};
results.rows = rows;
results.notes = notes;

// A partial run (--only) reports beside its archives, never over the repository's report.
const REPORT_DIR = ONLY ? WORK : path.join(REPO, 'bench');
writeFileSync(path.join(REPORT_DIR, 'report.json'), JSON.stringify(results, null, 2) + '\n');
const md = report();
writeFileSync(path.join(REPORT_DIR, 'report.md'), md);
process.stdout.write(md);
// The archives go with the run (a partial run, --only, keeps only its report there); $BENCH_DIR is the caller's.
if (!process.env.BENCH_DIR) {
  for (const name of readdirSync(WORK)) if (!(ONLY && /^report\.(md|json)$/.test(name))) rmSync(path.join(WORK, name), { recursive: true, force: true });
  if (!ONLY) rmSync(WORK, { recursive: true, force: true });
}
if (ONLY) log(`report: ${path.join(REPORT_DIR, 'report.md')}`);

async function watchBench(dir, edits) {
  const child = spawn(process.execPath, [BIN, 'build', SAMPLE_ISSUE, '--watch', '--lang', 'en'], { cwd: dir, env: ENV });
  let out = '';
  let seen = 0;
  let wake;
  child.stdout.on('data', (d) => {
    out += d;
    wake?.();
  });
  child.stderr.on('data', (d) => (out += d));
  const firstBuild = async () => {
    while (!/wrote |not built/.test(out))
      await new Promise((r) => {
        wake = r;
        setTimeout(r, 5000);
      });
    if (/not built/.test(out)) throw new Error(`watch: ${out}`);
  };
  const next = async () => {
    for (;;) {
      const lines = [...out.matchAll(/rebuilt .*\((\d+) pages?, \d+ KB, (\d+) ms\)|not built: .*/g)];
      if (lines.length > seen) {
        const m = lines[seen++];
        if (!m[2]) throw new Error(`watch: ${m[0]}\n${out}`);
        return Number(m[2]);
      }
      await new Promise((r) => {
        wake = r;
        setTimeout(r, 5000);
      });
    }
  };
  await firstBuild(); // the first build
  const file = path.join(
    dir,
    'issues',
    SAMPLE_ISSUE,
    readdirSync(path.join(dir, 'issues', SAMPLE_ISSUE)).find((f) => f.endsWith('.md')),
  );
  const build = [];
  const latency = [];
  for (let i = 0; i < edits; i++) {
    const t0 = performance.now();
    appendFileSync(file, `\n监视模式基准测试第${i + 1}次改动。\n`);
    build.push(await next());
    latency.push(performance.now() - t0);
  }
  child.kill('SIGINT');
  await new Promise((r) => child.once('exit', r));
  return { build: stats(build), latency: stats(latency) };
}

function fmt(x, unit) {
  if (!Number.isFinite(x)) return '—';
  if (unit === 's') return x.toFixed(3);
  if (unit === '×') return x.toFixed(2);
  return x.toFixed(unit === 'ms' ? 0 : 1);
}

function report() {
  const m = results.machine;
  const lines = [
    '# bulletin benchmark',
    '',
    `${m.date} · commit ${m.commit ?? '?'} · Node ${m.node} · fonts: ${results.fonts.noto}; Fandol ${results.fonts.fandol ?? 'absent'} · ${m.cores} cores (${m.cpu}) · ${m.memGiB} GiB · load average before ${m.loadavgBefore.map((x) => x.toFixed(2)).join(' ')}, after ${m.loadavgAfter.map((x) => x.toFixed(2)).join(' ')}${m.quick ? ' · quick run' : ''}`,
    '',
    'Wall times of whole processes (start-up included), median / min / max over n runs. Peak RSS by ' + m.measuredRss + '.',
    '',
    '| # | measure | median | min | max | n | target | met |',
    '|---|---|---:|---:|---:|---:|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.id} | ${r.what} | ${fmt(r.median, r.unit)} ${r.unit} | ${fmt(r.min, r.unit)} | ${fmt(r.max, r.unit)} | ${r.n} | ${r.target.includes('Infinity') ? '—' : r.target} | ${r.target.includes('Infinity') ? '' : r.met ? 'yes' : '**no**'} |`,
    ),
    '',
    ...batchLines(),
    ...notes.map((n) => `${n}`),
    '',
    ...profileLines(),
  ];
  return lines.join('\n');
}

function batchLines() {
  if (!results.batch) return [];
  return [
    `Determinism: \`build --all --force\` gives byte-identical PDFs across runs and job counts: ${results.batch.deterministicAcrossRunsAndJobs ? 'yes' : '**no**'}; with TZ=Pacific/Kiritimati LANG=zh_CN.UTF-8: ${results.batch.deterministicAcrossTzAndLocale ? 'yes' : '**no**'}.`,
    `Batch peak RSS with 2 jobs (whole process, both threads): median ${results.batch.rss2.median.toFixed(0)} MiB.`,
    `CPU time of \`build --all --force\`: ${results.batch.cpu1.median.toFixed(2)} s with 1 job, ${results.batch.cpu2.median.toFixed(2)} s with 2 (medians). Meanwhile other processes on the machine used ${results.batch.othersDuring1.median.toFixed(2)} s (1 job) and ${results.batch.othersDuring2.median.toFixed(2)} s (2 jobs) of CPU: the cores are shared, so the speed-up can only be judged when that is near 0. Upper bound from CPU time alone, if both cores were ours: ${(results.batch.jobs1.median / (results.batch.cpu2.median / 2)).toFixed(2)}×.`,
  ];
}

function profileLines() {
  if (!results.profile) return [];
  return [
    `## Profile of the cold \`build ${results.profile.issue}\` (node --cpu-prof; ${results.profile.totalMs} ms sampled)`,
    '',
    'Self time, top functions (bundle positions mapped to sources with lib/bulletin.cjs.map):',
    '',
    '| ms | % | function  source |',
    '|---:|---:|---|',
    ...results.profile.topSelf.map((x) => `| ${x.ms} | ${x.pct} | \`${x.name.trim()}\` |`),
    '',
    'Self time by package or source folder (where the CPU time is spent):',
    '',
    '| ms | % | package |',
    '|---:|---:|---|',
    ...results.profile.selfByPackage.map((x) => `| ${x.ms} | ${x.pct} | ${x.pkg} |`),
    '',
    'Inclusive time by package or source folder (time under its functions, callees included):',
    '',
    '| ms | % | package |',
    '|---:|---:|---|',
    ...results.profile.byPackage.map((x) => `| ${x.ms} | ${x.pct} | ${x.pkg} |`),
    '',
  ];
}
