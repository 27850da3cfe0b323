// npm run editor -- <command> [flags]: editor and admin accounts. `npm run editor -- help` lists the commands.
// Passwords are never arguments: typed at a hidden prompt, or piped in as the first line of standard input.
// Exit codes: 0 done, 1 refused or failed, 2 bad command line.
import { parseArgs } from "node:util";
import { getDb } from "@/lib/db/get-db";
import type { EditorActor } from "@/lib/editors/editor-actor";
import { editorDetailsSchema, editorFieldErrors, type EditorField } from "@/lib/editors/editor-input";
import { createEditor } from "@/lib/editors/create-editor";
import { listEditors } from "@/lib/editors/list-editors";
import { PasswordInputError, readPassword } from "@/lib/editors/read-password";
import { resetEditorPassword } from "@/lib/editors/reset-editor-password";
import { setEditorDisabled } from "@/lib/editors/set-editor-disabled";

/** A mistake on the command line: reported in one line, exit code 2. */
class UsageError extends Error {}

const ACTOR: EditorActor = { editorId: null, address: null, via: "command-line" };
/** The command line's name for each field, so that an error points at what to change. */
const OPTION: Record<EditorField, string> = { email: "--email", displayName: "--name", role: "--role", password: "password" };

let opened = false;

/** Opens (and migrates) the database once the command line has been checked and the password read. */
async function openDb(): Promise<void> {
  opened = true;
  await getDb();
}

type Command = { usage: string; summary: string; run(args: string[]): Promise<number> };

const COMMANDS: Record<string, Command> = {
  create: {
    summary: "add an editor or admin account",
    usage: 'create --email ADDRESS --name "Display Name" --role editor|admin',
    async run(args) {
      const values = flags(args, ["email", "name", "role"]);
      const email = required(values, "email");
      const displayName = required(values, "name");
      const role = required(values, "role");
      const details = editorDetailsSchema.safeParse({ email, displayName, role });
      if (!details.success) return refuse(editorFieldErrors(details.error));
      const password = await readPassword(`New password for ${email}: `);
      await openDb();
      const result = await createEditor({ email, displayName, role, password }, ACTOR);
      if (result.status === "invalid") return refuse(result.fieldErrors);
      console.log(`created ${result.editor.role === "ADMIN" ? "admin" : "editor"} ${result.editor.email} (${result.editor.displayName})`);
      return 0;
    },
  },
  disable: {
    summary: "stop an account from signing in, and end its sessions",
    usage: "disable --email ADDRESS",
    run: (args) => setDisabled(args, true),
  },
  enable: {
    summary: "let a disabled account sign in again",
    usage: "enable --email ADDRESS",
    run: (args) => setDisabled(args, false),
  },
  "reset-password": {
    summary: "set a new password, and end every session of the account",
    usage: "reset-password --email ADDRESS",
    async run(args) {
      const email = required(flags(args, ["email"]), "email");
      const password = await readPassword(`New password for ${email}: `);
      await openDb();
      const result = await resetEditorPassword({ email }, password, ACTOR);
      if (result.status === "not-found") return notFound(email);
      if (result.status === "invalid") return refuse(result.fieldErrors);
      console.log(`password reset for ${result.email}; ${result.sessionsEnded} session(s) ended`);
      return 0;
    },
  },
  list: {
    summary: "list every account",
    usage: "list",
    async run(args) {
      flags(args, []);
      await openDb();
      const editors = await listEditors();
      if (editors.length === 0) {
        console.log('no editors yet; add one with: npm run editor -- create --email ... --name "..." --role admin');
        return 0;
      }
      const rows = editors.map((editor) => [
        editor.email,
        editor.displayName,
        editor.role.toLowerCase(),
        editor.disabledAt ? `disabled ${editor.disabledAt.toISOString().slice(0, 10)}` : "enabled",
        editor.createdAt.toISOString().slice(0, 10),
      ]);
      const table = [["EMAIL", "NAME", "ROLE", "STATUS", "CREATED"], ...rows];
      const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
      for (const row of table) console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join("  ").trimEnd());
      return 0;
    },
  },
};

async function setDisabled(args: string[], disabled: boolean): Promise<number> {
  const email = required(flags(args, ["email"]), "email");
  await openDb();
  const result = await setEditorDisabled({ email }, disabled, ACTOR);
  if (result.status === "not-found") return notFound(email);
  if (result.status === "refused") {
    console.error(`editor: ${result.message}`);
    return 1;
  }
  const state = disabled ? "disabled" : "enabled";
  console.log(result.changed ? `${result.email} is now ${state}${disabled ? "; its sessions have ended" : ""}` : `${result.email} was already ${state}`);
  return 0;
}

function flags(args: string[], names: string[]): Record<string, string | undefined> {
  const options = Object.fromEntries(names.map((name) => [name, { type: "string" as const }]));
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values as Record<string, string | undefined>;
  } catch (error) {
    const name = /'([^']+)'/.exec((error as Error).message)?.[1]?.split(" ")[0] ?? "";
    const code = (error as { code?: string }).code;
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && name === "--password") {
      throw new UsageError("--password is not accepted: passwords are read from a hidden prompt or standard input, never from arguments");
    }
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new UsageError(`unknown option ${name}`);
    if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") throw new UsageError(`unexpected argument "${name}"`);
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") throw new UsageError(`${name} needs a value`);
    throw new UsageError((error as Error).message);
  }
}

function required(values: Record<string, string | undefined>, name: string): string {
  const value = values[name];
  if (value === undefined || value.trim() === "") throw new UsageError(`--${name} is required`);
  return value;
}

function refuse(fieldErrors: Partial<Record<EditorField, string>>): number {
  for (const [field, message] of Object.entries(fieldErrors)) console.error(`editor: ${OPTION[field as EditorField]}: ${message}`);
  return 1;
}

function notFound(email: string): number {
  console.error(`editor: --email: no editor has the email ${email.trim().toLowerCase()} (see: npm run editor -- list)`);
  return 1;
}

function help(print: (line: string) => void): void {
  print("usage: npm run editor -- <command> [options]\n\ncommands:");
  for (const command of Object.values(COMMANDS)) print(`  ${command.usage}\n      ${command.summary}`);
  print("\nPasswords are typed at a hidden prompt, or piped in as the first line of standard input:");
  print("  printf '%s\\n' \"$PASSWORD\" | npm run editor -- reset-password --email someone@example.org");
  print("Uses DATABASE_URL, or the embedded database in ARCHIVE_DATA_DIR (stop the app first for that one).");
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    help(name === undefined ? (line) => console.error(line) : (line) => console.log(line));
    return name === undefined ? 2 : 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) throw new UsageError(`unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(", ")}, help)`);
  return command.run(args);
}

let code: number;
try {
  code = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`editor: ${error.message} (see "npm run editor -- help")`);
    code = 2;
  } else if (error instanceof PasswordInputError) {
    console.error(`editor: ${error.message}`);
    code = 1;
  } else {
    console.error(`editor: failed: ${(error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").slice(0, 400)}`);
    code = 1;
  }
}
if (opened) await (await getDb().catch(() => null))?.close();
process.exit(code);
