// Starting, waiting for and stopping the processes of the stack. Shared by `npm start`,
// `npm test` and the test suites, so every server started anywhere is found the same way
// (a free port, a health poll) and stopped the same way (by pid, process group included).
'use strict';

const { spawn } = require('node:child_process');
const net = require('node:net');

/** A TCP port that was free a moment ago on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Is anything listening on this port? */
function portInUse(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

class ProcessExitedError extends Error {
  constructor(name, code, output) {
    super(`${name} exited with code ${code} before it was ready.\n--- last output ---\n${output}`);
    this.name = 'ProcessExitedError';
  }
}

/**
 * Starts a long-running process in its own process group and keeps its last output for
 * error messages. `echo` mirrors its output to this terminal with a prefix.
 * @param {string} name
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, echo?: boolean }} [options]
 */
function startProcess(name, command, args, { cwd, env, echo = false } = {}) {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const lines = [];
  const keep = (chunk, stream) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line.trim()) continue;
      lines.push(line);
      if (echo) stream.write(`[${name}] ${line}\n`);
    }
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout.on('data', (chunk) => keep(chunk, process.stdout));
  child.stderr.on('data', (chunk) => keep(chunk, process.stderr));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  return {
    name,
    child,
    pid: child.pid,
    exited,
    output: () => lines.join('\n'),
    stop: () => stopProcess(child, exited),
  };
}

/** SIGTERM to the process group, SIGKILL after a grace period. */
async function stopProcess(child, exited, graceMs = 10_000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const signal = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      try {
        child.kill(sig);
      } catch {
        /* already gone */
      }
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/**
 * Polls `url` until it answers with a status below 500 (or `accept(status)`), failing early
 * with the process's output when it exits first.
 * @param {string} url
 * @param {{ proc?: ReturnType<typeof startProcess>, timeoutMs?: number, accept?: (status: number) => boolean }} [options]
 */
async function waitForHttp(url, { proc, timeoutMs = 120_000, accept = (status) => status < 500 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let exitedWith;
  proc?.exited.then((code) => (exitedWith = code ?? 'signal'));
  for (;;) {
    if (exitedWith !== undefined) throw new ProcessExitedError(proc.name, exitedWith, proc.output());
    try {
      const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5_000) });
      if (accept(response.status)) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${url} did not answer within ${timeoutMs} ms${proc ? `\n--- ${proc.name} output ---\n${proc.output()}` : ''}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Runs a command to completion, inheriting the terminal; rejects with its exit code.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, quiet?: boolean }} [options]
 * @returns {Promise<string>}
 */
function run(command, args, { cwd, env, quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    let output = '';
    if (quiet) {
      child.stdout.setEncoding('utf8').on('data', (chunk) => (output += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    }
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`${command} ${args.join(' ')} failed with exit code ${code}${quiet ? `\n${output}` : ''}`)),
    );
  });
}

module.exports = { freePort, portInUse, startProcess, stopProcess, waitForHttp, run, ProcessExitedError };
