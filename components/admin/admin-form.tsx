'use client';

import { type ReactNode, useActionState, useRef, useState, useTransition } from 'react';
import type { PickerOptions } from '@/lib/db/admin/list-picker-options';
import { ConflictNotice } from './conflict-notice';
import { FormField } from './form-field';
import { type FieldGroup, type FieldSpec, SOURCE_TIER_OPTIONS } from './form-spec';
import { type FormState, IDLE } from './form-state';
import styles from './admin.module.css';

export interface AdminFormProps {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  groups: FieldGroup[];
  options: PickerOptions;
  initial?: Record<string, string | boolean>;
  hidden?: Record<string, string>;
  submitLabel: string;
  /** Map preview of the coordinates, re-rendered on the server as they change. */
  preview?: { action: (lat: string, lon: string) => Promise<ReactNode>; initial: ReactNode };
  name?: string;
}

/** Every admin create/edit form: field errors beside fields, typed values kept on error. */
export function AdminForm({ action, groups, options, initial = {}, hidden = {}, submitLabel, preview, name }: AdminFormProps) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const value = (field: string): string => {
    if (state.values) return state.values[field] ?? '';
    const v = initial[field];
    return typeof v === 'string' ? v : '';
  };
  const checked = (field: string): boolean => (state.values ? state.values[field] === 'on' : initial[field] === true);
  const errors = (field: string) => state.fieldErrors?.[field];

  const [previewNode, setPreviewNode] = useState<ReactNode>(preview?.initial ?? null);
  const [, startPreview] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const onChange = (event: React.FormEvent<HTMLFormElement>) => {
    const target = event.target as HTMLInputElement;
    if (!preview || (target.name !== 'lat' && target.name !== 'lon')) return;
    const form = event.currentTarget;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const lat = (form.elements.namedItem('lat') as HTMLInputElement).value;
      const lon = (form.elements.namedItem('lon') as HTMLInputElement).value;
      startPreview(async () => setPreviewNode(await preview.action(lat, lon)));
    }, 400);
  };

  return (
    <form action={formAction} className={styles.form} onChange={onChange} noValidate data-form={name}>
      {state.status === 'error' && state.message ? (
        <div className={styles.alert} role="alert">
          <strong>{state.message}</strong>
          {state.conflict ? <ConflictNotice conflict={state.conflict} /> : null}
        </div>
      ) : null}
      {state.status === 'saved' && state.message ? (
        <div className={styles.saved} role="status">
          {state.message} {state.secret ? <><br />Password (shown once): <code className={styles.secret} data-secret>{state.secret}</code></> : null}
        </div>
      ) : null}
      {Object.entries(hidden).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      {groups.map((group, i) => (
        <fieldset key={group.legend ?? i} className={styles.group}>
          {group.legend ? <legend>{group.legend}</legend> : null}
          {group.note ? <p className={styles.groupNote}>{group.note}</p> : null}
          {group.fields.map((field) => (
            <Field key={field.name} field={field} options={options} value={value(field.name)} checked={checked(field.name)}
              errors={errors(field.name)} state={state} initialSource={value('sourceId')} />
          ))}
          {group.preview === 'location' && preview ? <div className={styles.preview} aria-live="polite">{previewNode}</div> : null}
        </fieldset>
      ))}
      {state.fieldErrors?._form ? <p className={styles.error}>{state.fieldErrors._form.join(' ')}</p> : null}
      <div className={styles.actions}>
        <button type="submit" className={styles.button} disabled={pending}>{pending ? 'Saving…' : submitLabel}</button>
      </div>
    </form>
  );
}

interface FieldProps {
  field: FieldSpec; options: PickerOptions; value: string; checked: boolean; errors?: string[]; state: FormState; initialSource: string;
}

function Field({ field, options, value, checked, errors, state, initialSource }: FieldProps) {
  if (field.kind === 'source') return <SourcePicker options={options} value={initialSource} state={state} />;
  if (field.kind === 'checkbox') {
    return (
      <div className={styles.field}>
        <label className={styles.check}><input type="checkbox" name={field.name} defaultChecked={checked} /> {field.label}</label>
        {field.hint ? <p className={styles.hint}>{field.hint}</p> : null}
        {errors?.length ? <p className={styles.error}>{errors.join(' ')}</p> : null}
      </div>
    );
  }
  const label = field.required ? `${field.label} *` : field.label;
  return (
    <FormField name={field.name} label={label} errors={errors} hint={field.hint} wide={field.kind === 'textarea'}>
      {(a11y) => {
        if (field.kind === 'textarea') return <textarea {...a11y} name={field.name} defaultValue={value} />;
        if (field.kind === 'select') {
          return (
            <select {...a11y} name={field.name} defaultValue={value}>
              {!field.required || !value ? <option value="">{field.blank ?? '— choose —'}</option> : null}
              {field.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </select>
          );
        }
        if (field.kind === 'picker') {
          const list = field.from === 'regions'
            ? options.regions.map((r) => ({ id: r.id, label: `${'\u00a0\u00a0'.repeat(r.depth)}${r.label}`, disabled: r.level === 'macro' && field.name === 'regionId' }))
            : field.from === 'countries'
              ? options.regions.filter((r) => r.level === 'country').map((r) => ({ id: r.id, label: r.label, disabled: false }))
              : options[field.from].map((o) => ({ ...o, disabled: false }));
          return (
            <select {...a11y} name={field.name} defaultValue={value}>
              <option value="">{field.blank ?? '— choose —'}</option>
              {list.map((o) => <option key={o.id} value={String(o.id)} disabled={o.disabled}>{o.label}</option>)}
            </select>
          );
        }
        return (
          <input {...a11y} name={field.name} defaultValue={value} placeholder={field.placeholder}
            type={field.kind === 'number' ? 'text' : field.kind} inputMode={field.kind === 'number' ? 'decimal' : undefined} />
        );
      }}
    </FormField>
  );
}

function SourcePicker({ options, value, state }: { options: PickerOptions; value: string; state: FormState }) {
  const [choice, setChoice] = useState(value);
  const v = (name: string) => state.values?.[name] ?? '';
  const err = (name: string) => state.fieldErrors?.[name];
  return (
    <>
      <FormField name="sourceId" label="Source *" errors={err('sourceId')} wide hint="Every figure must be traceable: pick the article or filing, or add it.">
        {(a11y) => (
          <select {...a11y} name="sourceId" defaultValue={value} onChange={(e) => setChoice(e.target.value)}>
            <option value="">— choose a source —</option>
            <option value="new">+ New source…</option>
            {options.sources.map((s) => <option key={s.id} value={String(s.id)}>{s.label}</option>)}
          </select>
        )}
      </FormField>
      {choice === 'new' ? (
        <div className={styles.newSource}>
          <FormField name="newSourceUrl" label="Source address (URL) *" errors={err('newSourceUrl')}>{(a) => <input {...a} name="newSourceUrl" type="url" defaultValue={v('newSourceUrl')} />}</FormField>
          <FormField name="newSourcePublisher" label="Publisher *" errors={err('newSourcePublisher')}>{(a) => <input {...a} name="newSourcePublisher" defaultValue={v('newSourcePublisher')} />}</FormField>
          <FormField name="newSourceTitle" label="Title *" errors={err('newSourceTitle')}>{(a) => <input {...a} name="newSourceTitle" defaultValue={v('newSourceTitle')} />}</FormField>
          <FormField name="newSourcePublishedOn" label="Published on *" errors={err('newSourcePublishedOn')}>{(a) => <input {...a} name="newSourcePublishedOn" type="date" defaultValue={v('newSourcePublishedOn')} />}</FormField>
          <FormField name="newSourceLanguage" label="Language (e.g. fr)" errors={err('newSourceLanguage')}>{(a) => <input {...a} name="newSourceLanguage" maxLength={2} defaultValue={v('newSourceLanguage')} />}</FormField>
          <FormField name="newSourceTier" label="Tier" errors={err('newSourceTier')}>{(a) => (
            <select {...a} name="newSourceTier" defaultValue={v('newSourceTier') || 'trade'}>
              {SOURCE_TIER_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </select>
          )}</FormField>
        </div>
      ) : null}
    </>
  );
}
