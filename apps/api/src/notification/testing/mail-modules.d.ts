// The parts of smtp-server and mailparser (test-only dev dependencies without bundled types) the
// notification tests use.
declare module 'smtp-server' {
  import type { Server } from 'node:net';
  import type { Readable } from 'node:stream';

  export interface SMTPServerOptions {
    authOptional?: boolean;
    disabledCommands?: string[];
    logger?: boolean;
    size?: number;
    onData?(stream: Readable, session: unknown, callback: (error?: Error | null) => void): void;
  }

  export class SMTPServer {
    constructor(options?: SMTPServerOptions);
    server: Server;
    listen(port: number, host: string, callback?: () => void): void;
    close(callback?: () => void): void;
    on(event: 'error', listener: (error: Error) => void): this;
  }
}

declare module 'mailparser' {
  import type { Readable } from 'node:stream';

  export interface AddressObject {
    text: string;
    value: Array<{ address?: string; name: string }>;
  }

  export interface ParsedMail {
    messageId?: string;
    subject?: string;
    text?: string;
    to?: AddressObject | AddressObject[];
    from?: AddressObject;
    headers: Map<string, unknown>;
  }

  export function simpleParser(source: Readable | Buffer | string): Promise<ParsedMail>;
}
