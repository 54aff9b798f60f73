// Summarise a V8 .cpuprofile: top functions by self time, and time by package (inclusive),
// mapping positions in lib/bulletin.cjs back to source files through its source map.
// Usage: node bench/profile.mjs <profile.cpuprofile> [top]
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// The CommonJS wrapper on the bundle's first line (scripts/bundle.mjs writes it after the ASCII mark).
import { WRAP_OPEN } from '../scripts/load.mjs';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decode a source map into per-line sorted segments [genCol, sourceIndex]. */
function decodeMap(map) {
  const lines = [];
  let src = 0;
  for (const line of map.mappings.split(';')) {
    const segs = [];
    let col = 0;
    for (const seg of line.split(',')) {
      if (!seg) continue;
      const vals = [];
      let shift = 0;
      let value = 0;
      for (const ch of seg) {
        let d = B64.indexOf(ch);
        const cont = d & 32;
        d &= 31;
        value += d << shift;
        if (cont) shift += 5;
        else {
          vals.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      col += vals[0];
      if (vals.length > 1) {
        src += vals[1];
        segs.push([col, src]);
      }
      // vals[2..3] (original line/column) are relative too, but only the file matters here.
    }
    lines.push(segs);
  }
  return lines;
}

export function summarise(profileFile, { top = 25, bundle } = {}) {
  const p = JSON.parse(readFileSync(profileFile, 'utf8'));
  const bundleFile = bundle ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../lib/bulletin.cjs');
  let map;
  let sources = [];
  // Where the bundle's own code starts on its first line. A bundle wrapped in its file has a source
  // map that counts the wrapper already; an older one was wrapped by lib/load.mjs, in front of it.
  const lead = existsSync(bundleFile) ? readFileSync(bundleFile, 'latin1').slice(0, 200) : '';
  const wrapAt = lead.indexOf(WRAP_OPEN);
  const inFile = wrapAt >= 0;
  const WRAPPER = inFile ? wrapAt + WRAP_OPEN.length : WRAP_OPEN.length;
  if (existsSync(bundleFile + '.map')) {
    const m = JSON.parse(readFileSync(bundleFile + '.map', 'utf8'));
    map = decodeMap(m);
    sources = m.sources;
  }
  const fileOf = (cf) => {
    const url = cf.url || '';
    // esbuild names each module's init function after the module's path: that is its file.
    if (/^(node_modules\/|src\/|\.\.\/|bulletin-lazy:)/.test(cf.functionName))
      return cf.functionName.replace(/^bulletin-lazy:.*?node_modules\//, 'node_modules/');
    if (map && url.endsWith('bulletin.cjs') && cf.lineNumber === 0 && cf.columnNumber <= WRAPPER) return 'bundle top level';
    if (map && url.endsWith('bulletin.cjs')) {
      const segs = map[cf.lineNumber];
      const col = cf.lineNumber === 0 && !inFile ? cf.columnNumber - WRAPPER : cf.columnNumber;
      if (segs && segs.length) {
        let lo = 0;
        let hi = segs.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (segs[mid][0] <= col) lo = mid;
          else hi = mid - 1;
        }
        return sources[segs[lo][1]] ?? url;
      }
    }
    return url;
  };
  const pkgOf = (file) => {
    if (!file) return '(native / V8)';
    const m = file.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
    if (m) return m[1];
    const s = file.match(/(?:^|\/)(src\/[^/]+)/);
    if (s) return s[1];
    if (file.startsWith('node:')) return 'node internals';
    return path.basename(file);
  };
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map();
  for (let i = 0; i < p.samples.length; i++) selfUs.set(p.samples[i], (selfUs.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const fnSelf = new Map();
  const pkgSelf = new Map();
  const pkgIncl = new Map();
  const info = new Map();
  const nodeInfo = (id) => {
    let x = info.get(id);
    if (!x) {
      const cf = byId.get(id).callFrame;
      const file = fileOf(cf);
      x = {
        file,
        pkg: pkgOf(file),
        name: `${cf.functionName || '(anonymous)'}  ${file ? file.replace(/^.*node_modules\//, '').replace(/^(\.\.\/)+/, '') : cf.url || ''}`,
      };
      info.set(id, x);
    }
    return x;
  };
  for (const [id, t] of selfUs) {
    const me = nodeInfo(id);
    fnSelf.set(me.name, (fnSelf.get(me.name) ?? 0) + t);
    pkgSelf.set(me.pkg, (pkgSelf.get(me.pkg) ?? 0) + t);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const { pkg } = nodeInfo(cur);
      if (byId.get(cur).callFrame.functionName === '(root)') continue;
      if (!seen.has(pkg)) {
        seen.add(pkg);
        pkgIncl.set(pkg, (pkgIncl.get(pkg) ?? 0) + t);
      }
    }
  }
  const ms = (us) => Math.round(us / 100) / 10;
  return {
    totalMs: ms(total),
    topSelf: [...fnSelf]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, t]) => ({ ms: ms(t), pct: Math.round((t / total) * 1000) / 10, name })),
    selfByPackage: [...pkgSelf]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([pkg, t]) => ({ ms: ms(t), pct: Math.round((t / total) * 1000) / 10, pkg })),
    byPackage: [...pkgIncl]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([pkg, t]) => ({ ms: ms(t), pct: Math.round((t / total) * 1000) / 10, pkg })),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const s = summarise(process.argv[2], { top: Number(process.argv[3] ?? 25) });
  console.log(`total sampled: ${s.totalMs} ms\n\nself time, top functions:`);
  for (const x of s.topSelf) console.log(`${String(x.ms).padStart(7)} ms ${String(x.pct).padStart(5)}%  ${x.name}`);
  console.log('\nself time by package / source folder:');
  for (const x of s.selfByPackage) console.log(`${String(x.ms).padStart(7)} ms ${String(x.pct).padStart(5)}%  ${x.pkg}`);
  console.log('\ninclusive time by package / source folder:');
  for (const x of s.byPackage) console.log(`${String(x.ms).padStart(7)} ms ${String(x.pct).padStart(5)}%  ${x.pkg}`);
}
