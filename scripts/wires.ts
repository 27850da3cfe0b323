// npm run wires -- <command> [flags]: tools for the archive's wires. `npm run wires -- help` lists them.
// Exit codes: 0 done, 1 failed or refused, 2 bad command line.
import path from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { openDatabase } from "@/lib/db/open-database";
import { env } from "@/lib/env";
import { EXPORT_FLAGS, ExportUsageError, exportCommand } from "./wires-export";
import { GenerateRefusedError, generateWires } from "@/lib/synthetic/generate-wires";
import { parseInteger } from "@/lib/synthetic/parse-integer";
import { createProgressReporter } from "@/lib/synthetic/progress-reporter";
import { openPostingsConnection } from "@/lib/search/postings/postings-connection";
import { refreshSearchBlocks } from "@/lib/search/postings/rebuild-search-blocks";

type Command = { summary: string; usage: string; run(args: string[]): Promise<number> };

/** A mistake on the command line: reported in one line, exit code 2. */
class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
  }
}

const COMMANDS: Record<string, Command> = {
  generate: {
    summary: "add realistic synthetic wires (for benchmarks) to the database",
    usage: `npm run wires -- generate --count N [--seed S] [--batch B] [--append | --reset] [--connections C]

  --count N        how many wires to add (required; 1000000, 1_000_000 and 1e6 all work)
  --seed S         same seed, same wires (default 1)
  --batch B        wires written per statement (default 2000)
  --append         add to the synthetic wires already there (otherwise the command refuses)
  --reset          first empty every wire table (TRUNCATE ... CASCADE, no confirmation) and
                   re-import content/, then generate
  --connections C  parallel PostgreSQL connections (default 2; the embedded database uses one)

Uses DATABASE_URL, or the embedded database in ARCHIVE_DATA_DIR.`,
    run: generate,
  },
  reindex: {
    summary: "bring the search's text postings up to date (after bulk writes outside the importer)",
    usage: `npm run wires -- reindex [--all]

  --all            rebuild every block's postings, not only the stale ones

The search stays exact without this (it searches what the postings miss in PostgreSQL), but it
is fastest when they are current. The importer and "generate" bring them up to date themselves.
Uses DATABASE_URL, or the embedded database in ARCHIVE_DATA_DIR (stop the app first).`,
    run: reindex,
  },
  export: {
    summary: "write every wire an archive search matches to a CSV or NDJSON file",
    usage: `npm run wires -- export [--format csv|ndjson] [--out FILE] [archive filters]

  --format F       csv (default) or ndjson
  --out FILE       where to write (default: standard output; progress goes to standard error)
  --no-bom         CSV without the UTF-8 byte order mark (kept by default: Excel needs it)
  --base URL       the archive's address for the permalinks (default ARCHIVE_PUBLIC_URL,
                   else http://localhost:3000)
  archive filters, as on /archive (repeat a flag for several values):
  --q TEXT  --provider P  --code C  --severity 2-4  --standard S  --status S  --from D  --to D

Uses DATABASE_URL, or the embedded database in ARCHIVE_DATA_DIR (stop the app first).`,
    run: async (args) => {
      const values = flags("export", args, EXPORT_FLAGS);
      if (values.help) {
        console.log(`usage: ${COMMANDS.export!.usage}`);
        return 0;
      }
      try {
        return await exportCommand(values);
      } catch (error) {
        if (error instanceof ExportUsageError) throw new UsageError(error.message, "export");
        throw error;
      }
    },
  },
};

function flags<T extends NonNullable<ParseArgsConfig["options"]>>(command: string, args: string[], options: T) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: "boolean" } }, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const code = (error as { code?: string }).code;
    const name = /'([^']+)'/.exec((error as Error).message)?.[1] ?? "";
    const message = (error as Error).message;
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new UsageError(`unknown flag ${name} for "${command}"`, command);
    if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") throw new UsageError(`unexpected argument "${name}" for "${command}"`, command);
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && message.includes("argument missing")) throw new UsageError(`${name.split(" ")[0]} needs a value`, command);
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") throw new UsageError(`${name} takes no value`, command);
    throw new UsageError(message, command);
  }
}

async function generate(args: string[]): Promise<number> {
  const values = flags("generate", args, {
    count: { type: "string" },
    seed: { type: "string" },
    batch: { type: "string" },
    append: { type: "boolean" },
    reset: { type: "boolean" },
    connections: { type: "string" },
  });
  if (values.help) {
    console.log(`usage: ${COMMANDS.generate!.usage}`);
    return 0;
  }
  if (values.count === undefined) throw new UsageError("generate needs --count N", "generate");
  if (values.append && values.reset) throw new UsageError("--append and --reset exclude each other", "generate");
  const integer = (text: string | undefined, flag: string, fallback: number, min: number) => {
    try {
      return text === undefined ? fallback : parseInteger(text, flag, min);
    } catch (error) {
      throw new UsageError((error as Error).message, "generate");
    }
  };
  const count = integer(values.count, "--count", 0, 1);
  const seed = integer(values.seed, "--seed", 1, 0);
  const batchSize = integer(values.batch, "--batch", 2000, 1);
  const connections = integer(values.connections, "--connections", 2, 1);
  if (seed > 0xffffffff) throw new UsageError(`--seed must be at most ${0xffffffff}, got ${values.seed}`, "generate");

  const config = env();
  const started = performance.now();
  const db = await openDatabase({ url: config.DATABASE_URL, dataDir: config.ARCHIVE_DATA_DIR });
  const progress = createProgressReporter(process.stderr, count);
  const stop = new AbortController();
  const interrupted = () => {
    if (stop.signal.aborted) process.exit(130);
    stop.abort();
    progress.finish();
    console.error("stopping after the batches in flight (Ctrl-C again to quit at once); what was written stays");
  };
  process.on("SIGINT", interrupted);
  try {
    const migrations = await db.migrate();
    if (migrations.applied.length > 0) console.log(`applied migrations: ${migrations.applied.join(", ")}`);
    console.log(`generating ${count.toLocaleString("en-US")} synthetic wires into ${db.label} (seed ${seed}, batches of ${batchSize})`);
    const report = await generateWires(db, {
      count,
      seed,
      batchSize,
      connections,
      mode: values.reset ? "reset" : values.append ? "append" : "refuse",
      contentDir: path.resolve(config.ARCHIVE_CONTENT_DIR),
      url: config.DATABASE_URL,
      signal: stop.signal,
      log: (message) => {
        progress.finish();
        console.log(message);
      },
      onProgress: (done) => progress.update(done),
    });
    progress.finish();
    const total = (performance.now() - started) / 1000;
    const number = (value: number) => Math.round(value).toLocaleString("en-US");
    console.log(
      `done in ${total.toFixed(1)} s: ${number(report.created)} wires written in ${report.seconds.toFixed(1)} s, ` +
        `${number(report.wiresPerSecond)} wires/s on average (generation indexes ${number(report.firstIndex)} to ${number(report.firstIndex + report.created - 1)}); ` +
        `${number(report.builtVectors)} search vectors built by the generator, the rest by the database; ` +
        `text postings rebuilt in ${report.postingsSeconds.toFixed(1)} s`,
    );
    console.log(
      `the archive now holds ${number(report.wires)} wires (${number(report.syntheticWires)} synthetic); the wire tables take ` +
        `${(report.bytes / 1024 / 1024).toFixed(1)} MB, ${number(report.kbPer1000Wires)} kB per 1,000 wires`,
    );
    return stop.signal.aborted ? 130 : 0;
  } catch (error) {
    progress.finish();
    console.error(error instanceof GenerateRefusedError ? error.message : `generate failed: ${oneLine(error)}`);
    return 1;
  } finally {
    process.off("SIGINT", interrupted);
    await db.close();
  }
}

async function reindex(args: string[]): Promise<number> {
  const values = flags("reindex", args, { all: { type: "boolean" } });
  if (values.help) {
    console.log(`usage: ${COMMANDS.reindex!.usage}`);
    return 0;
  }
  const config = env();
  const db = await openDatabase({ url: config.DATABASE_URL, dataDir: config.ARCHIVE_DATA_DIR });
  const connection = await openPostingsConnection(db, config.DATABASE_URL);
  let progress: ReturnType<typeof createProgressReporter> | undefined;
  try {
    await db.migrate();
    const report = await refreshSearchBlocks(connection.transaction, {
      all: values.all,
      onBlock: (_block, done, total) => {
        progress ??= createProgressReporter(process.stderr, total, "blocks");
        progress.update(done);
      },
    });
    progress?.finish();
    const wires = report.blocks.reduce((sum, block) => sum + block.wires, 0);
    const megabytes = report.blocks.reduce((sum, block) => sum + block.bytes, 0) / 1024 / 1024;
    console.log(
      report.blocks.length === 0
        ? "the text postings are up to date"
        : `rebuilt ${report.blocks.length} block(s) of text postings (${wires.toLocaleString("en-US")} wires, ${megabytes.toFixed(1)} MB) in ${report.seconds.toFixed(1)} s`,
    );
    return 0;
  } catch (error) {
    progress?.finish();
    console.error(`reindex failed: ${oneLine(error)}`);
    return 1;
  } finally {
    await connection.close();
    await db.close();
  }
}

/** An error as one readable line: database errors can carry whole statements and their parameters. */
function oneLine(error: unknown): string {
  const text = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").trim();
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

function help(print: (line: string) => void): void {
  print("usage: npm run wires -- <command> [flags]\n\ncommands:");
  for (const [name, command] of Object.entries(COMMANDS)) print(`  ${name.padEnd(10)} ${command.summary}`);
  print(`  ${"help".padEnd(10)} this list; "npm run wires -- <command> --help" describes a command`);
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    help((line) => console.error(line));
    return 2;
  }
  if (name === "help" || name === "--help" || name === "-h") {
    help((line) => console.log(line));
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) throw new UsageError(`unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(", ")}, help)`);
  return command.run(args);
}

let code: number;
try {
  code = await main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  const more = error.command ? `npm run wires -- ${error.command} --help` : "npm run wires -- help";
  console.error(`wires: ${error.message} (see "${more}")`);
  code = 2;
}
process.exit(code);
