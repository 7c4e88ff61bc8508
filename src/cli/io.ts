/** Where a command writes. Tests pass buffers; the real CLI passes the process streams. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stderr is a terminal (progress bars are shown only then). */
  isTTY: boolean;
  stdin?: NodeJS.ReadableStream;
}

export const processIO: CliIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stderr.isTTY),
  stdin: process.stdin,
};

/** Prints a JSON document on stdout followed by a newline. */
export function printJson(io: CliIO, value: unknown): void {
  io.stdout(`${JSON.stringify(value)}\n`);
}
