import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/** The shipped content folder. */
export const SHIPPED_CONTENT = path.resolve("content");

export type ContentCopy = {
  /** The copy's folder, to pass to importContent. */
  dir: string;
  read(file: string): Promise<string>;
  /** Writes (adds or overwrites) a file, e.g. "wires/AIW-2022-0008.md". */
  write(file: string, text: string): Promise<void>;
  /** Rewrites a file through `change`; throws when the change leaves it as it was. */
  edit(file: string, change: (text: string) => string): Promise<void>;
  remove(file: string): Promise<void>;
  cleanup(): Promise<void>;
};

/** A throwaway copy of content/ in the system's temporary folder, for importer error tests. */
export async function makeContentCopy(): Promise<ContentCopy> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "wire-content-"));
  await cp(SHIPPED_CONTENT, dir, { recursive: true });
  const at = (file: string) => path.join(dir, file);
  const read = (file: string) => readFile(at(file), "utf8");
  return {
    dir,
    read,
    write: (file, text) => writeFile(at(file), text),
    async edit(file, change) {
      const before = await read(file);
      const after = change(before);
      // A test whose edit silently missed would test nothing.
      if (after === before) throw new Error(`edit of ${file} changed nothing`);
      await writeFile(at(file), after);
    },
    remove: (file) => rm(at(file)),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
