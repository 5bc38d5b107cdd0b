import styles from './admin.module.css';

const MESSAGES: Record<string, string> = {
  created: 'Created. It is on the public pages now.',
  updated: 'Saved.',
  status: 'Status change recorded.',
  figure: 'Capacity announcement added.',
  corrected: 'Figure corrected: the old one is kept as deleted.',
  operator: 'Operator change recorded; the earlier operator stays in the history.',
  partner: 'Partner fact recorded.',
  link: 'Ownership link recorded.',
  event: 'Contract event recorded; the contract’s status follows the latest event.',
};

/** The outcome of the last save, carried in ?saved= after the redirect. */
export function SavedNotice({ saved }: { saved?: string }) {
  const message = saved ? MESSAGES[saved] : undefined;
  return message ? <p className={styles.saved} role="status">{message}</p> : null;
}
