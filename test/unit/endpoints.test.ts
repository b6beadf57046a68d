import { describe, expect, it } from 'vitest';
import { apiUrlFromModule } from '../../widgets/runtime/endpoints.ts';

describe('apiUrlFromModule', () => {
  it('finds the API base from wherever in /widgets/ the module was served', () => {
    expect(apiUrlFromModule('http://localhost:3001/widgets/chunks/runtime-abc.js')).toBe('http://localhost:3001');
    expect(apiUrlFromModule('https://ops.example.com/api-prefix/widgets/loader.js')).toBe(
      'https://ops.example.com/api-prefix',
    );
  });

  it('falls back to the origin for a module outside /widgets/', () => {
    expect(apiUrlFromModule('https://cdn.example.com/x/y.js')).toBe('https://cdn.example.com');
  });
});
