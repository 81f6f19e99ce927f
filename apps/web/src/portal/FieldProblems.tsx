// The problems of one form field, in a list the field names with
// aria-describedby. With none, an empty hidden element keeps that id valid.
export function Problems({ id, list }: { id: string; list: string[] | undefined }) {
  if (!list || list.length === 0) return <span id={id} hidden />;
  return (
    <ul class="field-problems" id={id}>
      {list.map((problem) => (
        <li key={problem}>{problem}</li>
      ))}
    </ul>
  );
}
