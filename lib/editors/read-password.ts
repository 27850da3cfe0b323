import type { ReadStream } from "node:tty";

/**
 * A password for the command line, never from its arguments (they show in `ps` and shell history):
 * typed at a prompt without echo when standard input is a terminal, asked twice; otherwise the first
 * line of standard input (`printf '%s\n' "$PASSWORD" | npm run editor -- ...`).
 */
export async function readPassword(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) return readFirstLine(stdin);
  const first = await promptHidden(stdin as ReadStream, prompt);
  const second = await promptHidden(stdin as ReadStream, "Type it again: ");
  if (first !== second) throw new PasswordInputError("the two passwords differ");
  return first;
}

export class PasswordInputError extends Error {}

async function readFirstLine(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  const line = Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
  if (line === "") throw new PasswordInputError("no password on standard input (pipe it in as the first line, or run the command in a terminal)");
  return line;
}

function promptHidden(stdin: ReadStream, prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    process.stderr.write(prompt);
    let typed = "";
    const finish = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off("data", onData);
      process.stderr.write("\n");
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (data: Buffer) => {
      for (const char of data.toString("utf8")) {
        if (char === "\r" || char === "\n") return finish();
        if (char === "\u0003") return finish(new PasswordInputError("cancelled"));
        if (char === "\u007f" || char === "\b") typed = Array.from(typed).slice(0, -1).join("");
        else if (char >= " ") typed += char;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on("data", onData);
  });
}
