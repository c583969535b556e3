/** Nest injection token: 'EMBEDDED' or 'EXTERNAL' (see DatabaseMode). */
export const DATABASE_MODE = Symbol('DATABASE_MODE');
