// Commands of src-tauri/src/commands/cocreation.rs: co-creation sessions, their
// participants, inputs and responses, and the berita acara.
import { call } from './invoke';
import type {
  BeritaAcaraWritten,
  InputForm,
  Paper,
  ParticipantForm,
  ResponseForm,
  Session,
  SessionForm,
  SessionList,
} from './types';

export function sessionsList(): Promise<SessionList> {
  return call<SessionList>('sessions_list');
}

export function sessionDetail(id: string): Promise<Session> {
  return call<Session>('session_detail', { id });
}

export function saveSession(form: SessionForm): Promise<Session> {
  return call<Session>('save_session', { form });
}

export function deleteSession(id: string): Promise<void> {
  return call<void>('delete_session', { id });
}

export function addParticipant(form: ParticipantForm): Promise<Session> {
  return call<Session>('add_participant', { form });
}

export function removeParticipant(id: string, sessionId: string): Promise<Session> {
  return call<Session>('remove_participant', { id, sessionId });
}

export function saveInput(form: InputForm): Promise<Session> {
  return call<Session>('save_input', { form });
}

export function deleteInput(id: string, sessionId: string): Promise<Session> {
  return call<Session>('delete_input', { id, sessionId });
}

/** Rejects with code 'invalid', field 'reason', when a decision needs a reason and has none. */
export function setResponse(form: ResponseForm, sessionId: string): Promise<Session> {
  return call<Session>('set_response', { form, sessionId });
}

/** Asks where to save (from Rust), then writes the berita acara on `paper`; null = cancelled. */
export function exportBeritaAcara(sessionId: string, paper: Paper): Promise<BeritaAcaraWritten | null> {
  return call<BeritaAcaraWritten | null>('export_berita_acara', { sessionId, paper });
}
