import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { verifyWebhookSignature } from '../delivery-signature';

/**
 * Real receivers for tests: an SMTP server (smtp-server) whose messages are parsed with
 * mailparser, and an HTTP webhook receiver that checks the signature the way a gateway would.
 */
export interface TestSmtpServer {
  url: string;
  messages: ParsedMail[];
  /** Resolves once `count` messages arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const messages: ParsedMail[] = [];
  const waiters: Array<() => void> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          waiters.splice(0).forEach((w) => w());
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitFor: (count, timeoutMs = 30_000) =>
      waitUntil(
        () => messages.length >= count,
        waiters,
        timeoutMs,
        () => `${messages.length}/${count} emails`,
      ),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface ReceivedWebhook {
  deliveryId: string;
  timestamp: string;
  signatureValid: boolean;
  body: Record<string, unknown>;
}

export interface TestWebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** The HTTP status for a request (default 200); set to make deliveries fail. */
  respond: (body: Record<string, unknown>) => number;
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startTestWebhookReceiver(
  secret: string,
  nowSeconds: () => number = () => Math.floor(Date.now() / 1000),
): Promise<TestWebhookReceiver> {
  const waiters: Array<() => void> = [];
  const receiver: TestWebhookReceiver = {
    url: '',
    received: [],
    respond: () => 200,
    waitFor: (count, timeoutMs = 30_000) =>
      waitUntil(
        () => receiver.received.filter((r) => r.signatureValid).length >= count,
        waiters,
        timeoutMs,
        () => `${receiver.received.length}/${count} webhooks`,
      ),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const header = (name: string) => {
        const v = req.headers[name];
        return Array.isArray(v) ? v[0] : v;
      };
      const body = JSON.parse(rawBody) as Record<string, unknown>;
      const status = receiver.respond(body);
      if (status < 300) {
        receiver.received.push({
          deliveryId: header('x-duty-delivery') ?? '',
          timestamp: header('x-duty-timestamp') ?? '',
          signatureValid: verifyWebhookSignature({
            secret,
            timestamp: header('x-duty-timestamp'),
            signature: header('x-duty-signature'),
            rawBody,
            nowSeconds: nowSeconds(),
          }),
          body,
        });
        waiters.splice(0).forEach((w) => w());
      }
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'error');
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return receiver;
}

function waitUntil(
  done: () => boolean,
  waiters: Array<() => void>,
  timeoutMs: number,
  describe: () => string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (done()) {
        clearTimeout(timer);
        resolve();
      } else waiters.push(check);
    };
    const timer = setTimeout(
      () => reject(new Error(`timed out waiting: ${describe()}`)),
      timeoutMs,
    );
    check();
  });
}
