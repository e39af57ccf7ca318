import type { AddressInfo } from 'net';
import { simpleParser, ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

export interface ReceivedMail {
  messageId: string;
  recipients: string[];
  parsed: ParsedMail;
  raw: Buffer;
}

export interface TestSmtpServer {
  /** smtp://127.0.0.1:<port> */
  url: string;
  received: ReceivedMail[];
  /** Rejects the next `count` messages after their data arrived, with this SMTP reply code. */
  rejectNext(count: number, responseCode?: number): void;
  /** Resolves once at least `count` messages arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  /** How often each Message-ID arrived. */
  countsByMessageId(): Map<string, number>;
  close(): Promise<void>;
}

/**
 * A real SMTP server (the smtp-server package) on a free loopback port. Each accepted message is parsed with
 * mailparser and recorded before the server answers 250, so "received" means "the client was told it arrived".
 */
export async function startSmtpServer(opts: { delayMs?: number } = {}): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  let rejections: { left: number; code: number } = { left: 0, code: 451 };
  // Records one message, or throws the reply an SMTP client gets for a refused one.
  const receive = async (raw: Buffer, session: SMTPServerSession): Promise<void> => {
    if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
    if (rejections.left > 0) {
      rejections.left--;
      throw Object.assign(new Error(rejections.code >= 500 ? 'Mailbox unavailable' : 'Try again later'), {
        responseCode: rejections.code,
      });
    }
    const parsed = await simpleParser(raw);
    received.push({
      messageId: parsed.messageId ?? '',
      recipients: session.envelope.rcptTo.map((r) => r.address),
      parsed,
      raw,
    });
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        receive(Buffer.concat(chunks), session).then(
          () => callback(null),
          (err: Error) => callback(err),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = (server as unknown as { server: { address(): AddressInfo } }).server.address();
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    rejectNext(count, responseCode = 451) {
      rejections = { left: count, code: responseCode };
    },
    async waitFor(count, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > until) throw new Error(`SMTP server received ${received.length} of ${count} messages`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    countsByMessageId() {
      const counts = new Map<string, number>();
      for (const m of received) counts.set(m.messageId, (counts.get(m.messageId) ?? 0) + 1);
      return counts;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
