// The therapist's private notes on a client (never shown to the client):
// newest first, a box to add one, and a way to delete one's own. Reads and
// writes /api/clients/:clientId/notes.
import { useEffect, useState } from 'preact/hooks';
import { apiCall } from '../account/api.js';
import { dateTime } from './format.js';

export interface Note {
  noteId: string;
  authorId: string;
  text: string;
  createdAt: number;
}

export function NotesPanel(props: {
  clientId: string;
  meId: string;
  onNotes?(notes: Note[]): void;
}) {
  const [notes, setNotes] = useState<Note[] | null>(null);
  const [text, setText] = useState('');
  const [said, setSaid] = useState<string | null>(null);
  const url = `/api/clients/${props.clientId}/notes`;
  const show = (next: Note[]) => {
    setNotes(next);
    props.onNotes?.(next);
  };
  useEffect(() => {
    void apiCall<{ notes: Note[] }>('GET', url).then((result) => {
      if (result.ok) show(result.value.notes);
      else setSaid(result.message);
    });
  }, [url]);

  const add = async () => {
    const typed = text.trim();
    if (!typed) return;
    const result = await apiCall<Note>('POST', url, { text: typed });
    if (!result.ok) return setSaid(result.message);
    setText('');
    setSaid('Note saved.');
    show([result.value, ...(notes ?? [])]);
  };
  const remove = async (note: Note) => {
    const result = await apiCall('DELETE', `${url}/${note.noteId}`);
    if (!result.ok) return setSaid(result.message);
    setSaid('Note deleted.');
    show((notes ?? []).filter((n) => n.noteId !== note.noteId));
  };

  return (
    <section class="card notes" aria-labelledby="notes-title">
      <h2 id="notes-title">Private notes</h2>
      <p class="hint">Only clinic staff see these; the client never does.</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <label class="field">
          <span>New note</span>
          <textarea
            rows={3}
            maxLength={4000}
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
          />
        </label>
        <button type="submit" class="secondary small" disabled={text.trim() === ''}>
          Save note
        </button>
      </form>
      <p class="hint" role="status">
        {said ?? ''}
      </p>
      {notes === null ? null : notes.length === 0 ? (
        <p class="hint">No notes yet.</p>
      ) : (
        <ul class="note-list">
          {notes.map((note) => (
            <li key={note.noteId}>
              <p class="note-text">{note.text}</p>
              <p class="hint">
                {dateTime(note.createdAt)}
                {note.authorId === props.meId && (
                  <button
                    type="button"
                    class="link small"
                    aria-label={`Delete the note of ${dateTime(note.createdAt)}`}
                    onClick={() => void remove(note)}
                  >
                    Delete
                  </button>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
