/** Load and lay out an issue of an archive on disk, with fonts pinned to the npm-shipped defaults. */
import path from 'node:path';
import { listIssueDirs } from '../../src/archive/index.js';
import { layoutPrepared, prepareIssue, type Prepared } from '../../src/pipeline/index.js';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const STRESS = path.join(REPO, 'tests/fixtures/stress');

export function prepared(root: string, number: number): Prepared {
  const where = listIssueDirs(root).find((d) => d.number === number);
  if (!where) throw new Error(`no issue ${number} in ${root}`);
  const p = prepareIssue(root, where);
  if (!p.issue) throw new Error(JSON.stringify(p.diagnostics, null, 1));
  const pinned = p as Prepared;
  pinned.series = { ...pinned.series, fonts: { system: false, roles: {} } };
  return pinned;
}

export function laidOut(root: string, number: number) {
  const p = prepared(root, number);
  const r = layoutPrepared(root, p);
  return { ...r, prepared: p };
}
