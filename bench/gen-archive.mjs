// Generate a benchmark archive of N issues from the sample issues of this repository:
// weekly dates over several years, yearly numbering, a running total, the sample issues' articles
// in turn. Usage: node bench/gen-archive.mjs <dir> [count]   (use a folder under /tmp)
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function generateArchive(dir, count = 100, { config } = {}) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // Fonts pinned to the npm-shipped defaults: the targets are for the default fonts, whatever this machine has.
  writeFileSync(path.join(dir, 'bulletin.yaml'), config ?? readFileSync(path.join(repo, 'bulletin.yaml'), 'utf8') + '\nfonts: { system: false }\n');
  const samples = readdirSync(path.join(repo, 'issues/2026'))
    .filter((n) => /^\d+$/.test(n))
    .sort((a, b) => a - b)
    .map((n) => path.join(repo, 'issues/2026', n));
  let date = Date.UTC(2026 - Math.ceil(count / 24), 0, 5);
  let year = 0;
  let number = 0;
  for (let i = 0; i < count; i++) {
    const d = new Date(date);
    if (d.getUTCFullYear() !== year) {
      year = d.getUTCFullYear();
      number = 0;
    }
    number++;
    const src = samples[i % samples.length];
    const dst = path.join(dir, 'issues', String(year), String(number));
    cpSync(src, dst, { recursive: true });
    const iso = d.toISOString().slice(0, 10);
    const manifest = readFileSync(path.join(src, 'issue.yaml'), 'utf8')
      .replace(/^number:.*$/m, `number: ${number}`)
      .replace(/^date:.*$/m, `date: ${iso}`)
      .replace(/^total:.*$/m, `total: ${100 + i + 1}`);
    writeFileSync(path.join(dst, 'issue.yaml'), manifest);
    // Every other week a fortnightly gap: dates vary, not only numbers.
    date += (i % 3 === 2 ? 14 : 7) * 86400000;
  }
  return dir;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node bench/gen-archive.mjs <dir> [count]');
    process.exit(2);
  }
  generateArchive(path.resolve(dir), Number(process.argv[3] ?? 100));
  console.log(dir);
}
