// Called by bin/bulletin.js when lib/ holds no bundle (someone removed it, or npm ran no scripts):
// make it now if esbuild and the dependencies are installed, otherwise say what to run.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function ensureBundle() {
  try {
    const { bundle } = await import('./bundle.mjs');
    await bundle({ warm: false });
    return true;
  } catch (e) {
    const zh = /^zh/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '');
    const missing = e && e.code === 'ERR_MODULE_NOT_FOUND';
    const text = zh
      ? `bulletin 尚未安装完整：${missing ? '缺少依赖包' : `打包失败（${e.message}）`}。请在 ${ROOT} 中运行 npm install，或重新安装：npm install -g <本工具的文件夹>`
      : `bulletin is not fully installed: ${missing ? 'its dependencies are missing' : `bundling failed (${e.message})`}. Run npm install in ${ROOT}, or install it again: npm install -g <the tool's folder>`;
    process.stderr.write(text + '\n');
    return false;
  }
}
