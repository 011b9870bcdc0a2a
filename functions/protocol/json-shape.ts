/**
 * A form's values are texts or lists of texts: a JSON body is an object whose values are scalars or
 * arrays of scalars. Anything nested deeper is refused here, on the text, before JSON.parse or any walk
 * over the parsed value (a body nested thousands of levels deep once overflowed the stack: a 500).
 * One pass, no recursion, whatever the text holds (it may not even be valid JSON).
 */
export function nestedTooDeep(json: string): boolean {
  // What encloses the current position: '' at the top, '{' inside the object, '{[' inside one of its lists.
  let open = '';
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (c === '"') {
      let j = i + 1;
      while (j < json.length && json[j] !== '"') j += json[j] === '\\' ? 2 : 1;
      i = j;
    } else if (c === '{') {
      if (open !== '') return true;
      open = '{';
    } else if (c === '[') {
      if (open !== '{' && open !== '') return true;
      open += '[';
    } else if (c === '}' || c === ']') open = open.slice(0, -1);
  }
  return false;
}
