// The machine a run came from, recorded with its figures.
import { readFileSync } from 'node:fs';
import os from 'node:os';

function osName() {
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
    if (pretty) return `${pretty} (${os.type()} ${os.release()})`;
  } catch {
    // not Linux
  }
  return `${os.type()} ${os.release()}`;
}

/**
 * @param {string} chromiumVersion
 * @param {number} loadAverageAtStart `os.loadavg()[0]` taken before the run started its own work
 */
export function machine(chromiumVersion, loadAverageAtStart) {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    os: osName(),
    arch: os.arch(),
    node: process.version,
    chromium: chromiumVersion,
    /** 1-minute load average before the run: other work on the machine makes figures noisy. */
    loadAverageAtStart: Number(loadAverageAtStart.toFixed(2)),
  };
}
