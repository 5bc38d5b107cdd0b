import 'server-only';
import { endOfPeriod } from '../../domain/dates';
import { AppError } from '../../errors';
import { todayIso } from '../../validation/capacity';
import type { Tx } from './transaction';

/**
 * The day a fact became public: the editor's `knownOn`, or by default its source's publication
 * date (the end of that period for a month- or year-precision date). Never before the source was
 * published, never in the future, never before the fact itself was announced (`notBefore`). The
 * database holds every write path to the first rule too (fact_known_after_source).
 */
export async function resolveKnownOn(
  tx: Tx,
  opts: { sourceId: number; knownOn: string | null; notBefore?: string; field?: string },
): Promise<Date> {
  const field = opts.field ?? 'knownOn';
  const source = await tx.source.findUnique({ where: { id: opts.sourceId }, select: { publishedOn: true, datePrecision: true } });
  const published = source?.publishedOn
    ? endOfPeriod(source.publishedOn.toISOString().slice(0, 10), source.datePrecision)
    : null;
  const today = todayIso();
  // By default: the later of the source's publication and the fact's own date.
  const derived = [published, opts.notBefore].filter((d): d is string => d !== null && d !== undefined).sort().at(-1) ?? today;
  const known = opts.knownOn ?? derived;
  const refuse = (message: string): never => {
    throw new AppError('invalid', message, { fieldErrors: { [field]: [message] } });
  };
  if (published && known < published) refuse(`Known on ${known} is before its source was published (${published}).`);
  if (known > today) {
    refuse(opts.knownOn === null && opts.notBefore && opts.notBefore > today
      ? `It cannot be recorded before it happens: ${opts.notBefore} is after today.`
      : 'A fact cannot be known after today.');
  }
  if (opts.notBefore && known < opts.notBefore) refuse(`Known on ${known} is before it was announced (${opts.notBefore}).`);
  return new Date(`${known}T00:00:00Z`);
}
