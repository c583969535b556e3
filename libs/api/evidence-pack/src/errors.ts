/** An entry could not be packed: it cannot be opened or read, or its size is not the recorded one. */
export class PackEntryError extends Error {
  constructor(
    /** The entry's path inside the pack. */
    readonly path: string,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(`Evidence pack entry "${path}": ${reason}`, options);
    this.name = 'PackEntryError';
  }
}
