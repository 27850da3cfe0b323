import { spawn, type ChildProcess } from "node:child_process";
import { readdir, readFile, readlink } from "node:fs/promises";
import net from "node:net";

/**
 * `npm run serve` (scripts/serve.ts) of the production build in its own process group (detached), so that ending the
 * group ends every process it started; `npx` or `npm` wrappers would orphan the server.
 */
export type NextServer = { base: string; pid: number; process: ChildProcess; stop(): Promise<void>; stopNow(): void };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export function startNextServer(port: number, env: NodeJS.ProcessEnv): NextServer {
  const child = spawn(process.execPath, ["--initial-old-space-size=256", "--import", "tsx", "scripts/serve.ts", "-p", String(port), "-H", "127.0.0.1"], {
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env,
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error("could not start the server");
  let exited = child.exitCode !== null;
  child.once("exit", () => (exited = true));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-pid, name);
    } catch {}
  };
  return {
    base: `http://127.0.0.1:${port}`,
    pid,
    process: child,
    stopNow: () => signal("SIGKILL"),
    async stop() {
      signal("SIGTERM");
      const started = performance.now();
      while (!exited && performance.now() - started < 5_000) await new Promise((resolve) => setTimeout(resolve, 50));
      // Whatever is left of the group (a forked worker, or a server ignoring SIGTERM).
      signal("SIGKILL");
    },
  };
}

export async function waitForServer(base: string, path: string, timeoutMs: number, server: NextServer): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (server.process.exitCode !== null) throw new Error(`the server exited with code ${server.process.exitCode} before answering`);
    try {
      const response = await fetch(base + path, { signal: AbortSignal.timeout(10_000) });
      await response.arrayBuffer();
      if (response.ok) return performance.now() - started;
    } catch {}
    if (performance.now() - started > timeoutMs) throw new Error(`the server did not answer ${path} within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export type GroupProcess = { pid: number; command: string; peakBytes?: number; rssBytes?: number; listening: boolean };

/** Every live process of the process group `pgid`, with its peak resident memory (VmHWM) and whether it listens on `port`. */
export async function processGroupMemory(pgid: number, port: number): Promise<GroupProcess[]> {
  const listeningInodes = await listeningSocketInodes(port);
  const out: GroupProcess[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    // pid (comm) state ppid pgrp ...: comm may hold spaces and parentheses, so split after the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) !== pgid) continue;
    const status = await readFile(`/proc/${entry}/status`, "utf8").catch(() => "");
    const kb = (name: string) => {
      const match = new RegExp(`${name}:\\s+(\\d+) kB`).exec(status);
      return match ? Number(match[1]) * 1024 : undefined;
    };
    const command = (await readFile(`/proc/${entry}/cmdline`, "utf8").catch(() => "")).split("\0").filter(Boolean).join(" ");
    let listening = false;
    for (const fd of await readdir(`/proc/${entry}/fd`).catch(() => [] as string[])) {
      const target = await readlink(`/proc/${entry}/fd/${fd}`).catch(() => "");
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode && listeningInodes.has(inode)) listening = true;
    }
    out.push({ pid: Number(entry), command: command.slice(0, 80), peakBytes: kb("VmHWM"), rssBytes: kb("VmRSS"), listening });
  }
  return out;
}

async function listeningSocketInodes(port: number): Promise<Set<string>> {
  const inodes = new Set<string>();
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    const text = await readFile(file, "utf8").catch(() => "");
    for (const line of text.split("\n").slice(1)) {
      const parts = line.trim().split(/\s+/);
      // local_address is parts[1] (ADDR:PORT), st is parts[3] (0A = LISTEN), inode is parts[9].
      if (parts[1]?.endsWith(`:${hexPort}`) && parts[3] === "0A" && parts[9]) inodes.add(parts[9]);
    }
  }
  return inodes;
}
