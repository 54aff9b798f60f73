// Preloaded (node -r) by the benchmark when /usr/bin/time is missing: report this process's peak RSS.
process.on('exit', () => process.stderr.write(`\nBENCH_RSS=${process.resourceUsage().maxRSS}\n`));
