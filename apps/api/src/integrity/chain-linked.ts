import { Column } from 'typeorm';

/**
 * The hash-chain columns of a tamper-evident table (migration AddIntegrityHashChains). The
 * database sets them when the inserting transaction commits; the application never writes them
 * (an INSERT's values are discarded) and reads them only through the integrity verifier.
 */
export abstract class ChainLinked {
  /** Place in the table's chain (1, 2, …); unset until the inserting transaction commits. */
  @Column({
    name: 'chain_seq',
    type: 'bigint',
    nullable: true,
    select: false,
    insert: false,
    update: false,
  })
  chainSeq?: string | null;

  /** The predecessor's content_hash (64 zeros for the first row). */
  @Column({
    name: 'prev_hash',
    type: 'char',
    length: 64,
    nullable: true,
    select: false,
    insert: false,
    update: false,
  })
  prevHash?: string | null;

  /** sha256(prev_hash || canonical content), hex. */
  @Column({
    name: 'content_hash',
    type: 'char',
    length: 64,
    nullable: true,
    select: false,
    insert: false,
    update: false,
  })
  contentHash?: string | null;
}
