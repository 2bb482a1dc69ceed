// Acceptance check with the official node-appwrite SDK: a client built with setSession and
// setImpersonateUserId (then setImpersonateUserEmail) lists users and reads the
// impersonated account.
//
//   node impersonate.mjs [endpoint] [project] [session]
//
// Each argument falls back to ACTAS_ENDPOINT, ACTAS_PROJECT and ACTAS_SESSION; prefer the
// environment for the session, which is a secret. The targets default to the demo's Ada
// (ACTAS_TARGET_ID, ACTAS_TARGET_EMAIL). Prints one JSON object on stdout; on an error it
// prints the AppwriteException's code, type and message on stderr and exits 1. It never
// prints the session or the users' password hashes.
import { Account, AppwriteException, Client, Query, Users } from 'node-appwrite';

const [endpoint, project, session] = [
  process.argv[2] || process.env.ACTAS_ENDPOINT,
  process.argv[3] || process.env.ACTAS_PROJECT,
  process.argv[4] || process.env.ACTAS_SESSION,
];
const targetId = process.env.ACTAS_TARGET_ID || 'ada';
const targetEmail = process.env.ACTAS_TARGET_EMAIL || 'ada@example.com';

if (!endpoint || !project || !session) {
  console.error('usage: node impersonate.mjs ENDPOINT PROJECT [SESSION] (or ACTAS_ENDPOINT, ACTAS_PROJECT, ACTAS_SESSION)');
  process.exit(2);
}

function client() {
  return new Client().setEndpoint(endpoint).setProject(project).setSession(session);
}

async function check(c, search) {
  const list = await new Users(c).list([Query.limit(5)], search);
  const account = await new Account(c).get();
  return {
    users: { total: list.total, ids: list.users.map((u) => u.$id) },
    account: {
      $id: account.$id,
      email: account.email,
      impersonator: account.impersonator,
      impersonatorUserId: account.impersonatorUserId,
    },
  };
}

try {
  const byId = await check(client().setImpersonateUserId(targetId), targetId);
  const byEmail = await check(client().setImpersonateUserEmail(targetEmail), targetId);
  console.log(JSON.stringify({ byId, byEmail }));
} catch (err) {
  if (err instanceof AppwriteException) {
    console.error(JSON.stringify({ code: err.code, type: err.type, message: err.message }));
  } else {
    console.error(String(err && err.stack ? err.stack : err));
  }
  process.exit(1);
}
