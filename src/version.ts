/** The tool's version, read from package.json so that there is one place to change it. */
import pkg from '../package.json' with { type: 'json' };

export const VERSION: string = pkg.version;
