import { spawn } from 'node:child_process';

/**
 * npm run dev: the API server restarting on change (port 3000) and the Vite dev server with hot reload
 * (http://localhost:5173, proxying /api and /health to the API server).
 */
const children = [
  spawn(process.execPath, ['--import', 'tsx', '--watch', 'server/src/main.ts'], { stdio: 'inherit', env: { ...process.env, WEB_BUILD: 'never' } }),
  spawn(process.execPath, ['node_modules/vite/bin/vite.js', '--config', 'web/vite.config.ts'], { stdio: 'inherit' }),
];
const stopAll = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);
for (const child of children) child.on('exit', stopAll);
