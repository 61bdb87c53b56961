/**
 * Writing a file so that a crash leaves either the old or the new complete file, never a torn one:
 * a fresh temporary file beside it, written (and fsync'ed, when asynchronous), then renamed over it.
 */
import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';

/**
 * A fresh name beside `file` (same directory, so the rename is atomic). Random and opened with
 * `wx` (O_CREAT|O_EXCL): a name someone planted in advance, as a symlink to a file of yours, is
 * neither guessed nor followed; the open fails instead.
 */
function tempName(file: string): string {
  return `${file}.${randomBytes(12).toString('hex')}.tmp`;
}

export async function writeAtomically(file: string, text: string): Promise<void> {
  const temp = tempName(file);
  // Outside the try: a failed exclusive open created nothing to clean up.
  const handle = await open(temp, 'wx', 0o600);
  try {
    try {
      await handle.writeFile(text);
      // On disk before it replaces the old file: after a power cut the new name never points at
      // an empty or partial file. (SIGKILL alone would not need it: the page cache survives.)
      await handle.datasync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** The same, synchronously and without fsync (the store's first write, at startup). */
export function writeAtomicallySync(file: string, text: string): void {
  const temp = tempName(file);
  try {
    writeFileSync(temp, text, { mode: 0o600, flag: 'wx' });
    renameSync(temp, file);
  } catch (error) {
    // EEXIST: the name was not ours to create, so it is not ours to remove either.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      try {
        unlinkSync(temp);
      } catch {
        // the temporary file was never created
      }
    }
    throw error;
  }
}
