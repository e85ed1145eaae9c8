import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import type { Kysely } from 'kysely';
import { password as passwordSchema } from '@caunoi/domain';
import { systemActor } from '../auth/actor.js';
import { findUserByUsername } from '../auth/auth.repository.js';
import type { DB } from '../db/schema.js';
import { isAppError } from '../errors/app-error.js';
import { resetPassword, setAccountEnabled } from '../users/account-actions.service.js';
import { readStdin } from './classify.js';

/** A refusal the operator can fix (unknown account, short password): message and exit code 2. */
export class UserCommandError extends Error {
  readonly exitCode = 2;
}

async function accountId(db: Kysely<DB>, username: string): Promise<string> {
  const user = await findUserByUsername(db, username.trim().toLowerCase());
  if (!user) throw new UserCommandError(`Không tìm thấy tài khoản ${username}.`);
  return user.id;
}

/** Runs a service call as the system; its refusals become exit code 2 with their Vietnamese message. */
async function asSystem<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isAppError(error)) throw new UserCommandError(`${error.message} [${error.code}]`);
    throw error;
  }
}

/** Sets a new password; every session of the account ends. */
export async function runUserPasswd(db: Kysely<DB>, username: string, newPassword: string): Promise<string> {
  const parsed = passwordSchema.safeParse(newPassword);
  if (!parsed.success) throw new UserCommandError('Mật khẩu mới cần từ 10 đến 256 ký tự.');
  const id = await accountId(db, username);
  await asSystem(() => resetPassword(db, systemActor(), id, parsed.data));
  return `Đã đặt mật khẩu mới cho ${username}; các phiên đăng nhập của tài khoản đã kết thúc.`;
}

export async function runUserEnabled(db: Kysely<DB>, username: string, enabled: boolean): Promise<string> {
  const id = await accountId(db, username);
  await asSystem(() => setAccountEnabled(db, systemActor(), id, enabled));
  return enabled
    ? `Đã mở lại tài khoản ${username}.`
    : `Đã khóa tài khoản ${username}; các phiên đăng nhập của tài khoản đã kết thúc.`;
}

/** Asks without echoing what is typed. */
function promptHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (!muted) process.stderr.write(chunk);
      callback();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

/**
 * The new password: from standard input when it is piped (the first line),
 * else asked twice on the terminal without echo.
 */
export async function readNewPassword(): Promise<string> {
  if (!process.stdin.isTTY) return (await readStdin()).split(/\r?\n/)[0] ?? '';
  const first = await promptHidden('Mật khẩu mới: ');
  const second = await promptHidden('Nhập lại mật khẩu mới: ');
  if (first !== second) throw new UserCommandError('Hai lần nhập mật khẩu không khớp.');
  return first;
}
