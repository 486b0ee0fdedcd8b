/**
 * What a command does with the embedded database: `reads` what is there (export, token list), or
 * `initialises` it when needed (migrate, demo, import, token create).
 */
export type DatabaseUse = 'reads' | 'initialises';

export interface DataFolders {
  /** the folder the command was pointed at (CLAIMTRACE_DATA_DIR), absolute */
  dataDir: string;
  /** whether it holds an embedded database */
  hasDatabase: boolean;
  /** the installation's own data folder (where `npm start` keeps its database), when it has one */
  installed: string | null;
}

export type DataFolderVerdict = { go: true; notice?: string } | { go: false; reason: string };

/**
 * Before a command starts the embedded PostgreSQL: a data folder without a database is most often
 * the wrong folder (the CLI run from another directory than `npm start`), so a command that only
 * reads refuses instead of creating a second, empty database, and one that sets a database up says
 * that it creates one. Both name CLAIMTRACE_DATA_DIR and, when known, the folder to use.
 */
export function checkDataFolder(folders: DataFolders, use: DatabaseUse): DataFolderVerdict {
  if (folders.hasDatabase) return { go: true };
  const where = `${folders.dataDir} (CLAIMTRACE_DATA_DIR)`;
  const elsewhere =
    folders.installed && folders.installed !== folders.dataDir
      ? `The installation's database is in ${folders.installed}: run with CLAIMTRACE_DATA_DIR=${folders.installed}.`
      : "Set CLAIMTRACE_DATA_DIR to the API's data folder (`.data` where `npm start` runs), or DATABASE_URL to its server.";
  if (use === 'reads') {
    return {
      go: false,
      reason: `There is no Claimtrace database in ${where}, so there is nothing to read; nothing was created. ${elsewhere}`,
    };
  }
  return {
    go: true,
    notice: `No Claimtrace database in ${where} yet: creating one there. If you meant the API's database, it is elsewhere. ${elsewhere}`,
  };
}

/** Said when a command reads a database that has no claims: likely not the API's. */
export function emptyDatabaseNote(dataDir: string): string {
  return `note: the embedded database in ${dataDir} (CLAIMTRACE_DATA_DIR) holds no claims. If the API you use shows some, it keeps its data in another folder: set CLAIMTRACE_DATA_DIR to it.`;
}
