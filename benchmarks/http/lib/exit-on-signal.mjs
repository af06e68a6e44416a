// Preloaded by profile.mjs: SIGUSR2 ends the server through process.exit(), the path on which
// `node --cpu-prof` writes its profile (a death by SIGTERM would skip it).
process.on('SIGUSR2', () => process.exit(0))
