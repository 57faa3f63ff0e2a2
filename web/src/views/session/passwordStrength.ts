// How strong a new password is, shown while it is typed (ASVS 2.1.8). Two parts:
// - the server's own rules (modules/accounts: 12 to 128 characters, at least two kinds among
//   letters, digits and the rest, not the login name), checked here first so the meter never
//   calls a password strong that the server will refuse;
// - an estimate of how guessable it is, from zxcvbn (@zxcvbn-ts: common passwords, names,
//   keyboard walks, repeats, sequences and dates), loaded only when the meter is first used.
// The server stays the judge (it also refuses its kept list of common passwords).

export const MIN_PASSWORD_CHARS = 12;
export const MAX_PASSWORD_CHARS = 128;

/** What is wrong with a password by the server's rules: message keys under session.strength. */
export type RuleProblem = 'tooShort' | 'tooLong' | 'oneKind' | 'isLogin';

export type StrengthLevel = 'invalid' | 'weak' | 'fair' | 'good' | 'strong';

export function ruleProblems(password: string, login = ''): RuleProblem[] {
  const chars = [...password].length;
  const problems: RuleProblem[] = [];
  if (chars < MIN_PASSWORD_CHARS) problems.push('tooShort');
  if (chars > MAX_PASSWORD_CHARS) problems.push('tooLong');
  let letter = false;
  let digit = false;
  let other = false;
  for (const c of password) {
    if (c >= '0' && c <= '9') digit = true;
    else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) letter = true;
    else if (c !== ' ') other = true;
  }
  if (Number(letter) + Number(digit) + Number(other) < 2) problems.push('oneKind');
  if (login && password === login) problems.push('isLogin');
  return problems;
}

/** zxcvbn's score (0 to 4) as a level; any rule problem makes it invalid whatever the score. */
export function levelOf(score: number, problems: RuleProblem[]): StrengthLevel {
  if (problems.length) return 'invalid';
  if (score <= 1) return 'weak';
  if (score === 2) return 'fair';
  if (score === 3) return 'good';
  return 'strong';
}

type Estimator = (password: string, userInputs: string[]) => number;
let estimator: Promise<Estimator> | undefined;

/** zxcvbn with its common dictionaries and keyboard graphs, loaded once on first use. */
function loadEstimator(): Promise<Estimator> {
  estimator ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]).then(
    ([core, common]) => {
      core.zxcvbnOptions.setOptions({ dictionary: common.dictionary, graphs: common.adjacencyGraphs });
      return (password, userInputs) => core.zxcvbn(password, userInputs).score;
    },
  );
  return estimator;
}

/** The level of `password`; `userInputs` (the login, the display name) count as guessable words. */
export async function passwordStrength(password: string, login = '', userInputs: string[] = []): Promise<StrengthLevel> {
  const problems = ruleProblems(password, login);
  if (problems.length) return 'invalid';
  const estimate = await loadEstimator();
  return levelOf(estimate(password, [login, ...userInputs].filter(Boolean)), problems);
}
