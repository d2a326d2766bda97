/** A progress bar on an interactive terminal; silent otherwise (CI logs stay clean). */
export class Progress {
  private last = 0;
  private shown = false;
  private readonly tty: boolean;
  constructor(private readonly out: NodeJS.WriteStream, enabled: boolean) {
    this.tty = enabled && !!out.isTTY;
  }

  update(done: number, total: number): void {
    if (!this.tty || total < 20) return;
    const now = Date.now();
    if (done < total && now - this.last < 80) return;
    this.last = now;
    const width = 30;
    const filled = Math.round((done / total) * width);
    this.out.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} files`);
    this.shown = true;
  }

  done(): void {
    if (this.shown) this.out.write('\r\x1b[K');
  }
}
