import { describe, expect, it } from 'vitest';
import { detectMode, foldText, stemEnglish, tokenize } from './classification.text.js';

describe('classifier text handling', () => {
  it('folds diacritics and đ, in precomposed and decomposed Unicode alike', () => {
    expect(foldText('Thủy sản ĐÔNG lạnh')).toBe('thuy san dong lanh');
    expect(foldText('Thủy sản'.normalize('NFD'))).toBe('thuy san');
  });

  it('gives both tone-mark placements the same marked key and keeps different words apart', () => {
    const [thuy1] = tokenize('thủy').tokens;
    const [thuy2] = tokenize('thuỷ').tokens;
    expect(thuy1!.marked).toBe(thuy2!.marked);
    const [hoa1] = tokenize('hóa').tokens;
    const [hoa2] = tokenize('hoá').tokens;
    expect(hoa1!.marked).toBe(hoa2!.marked);
    const [duoc1, duoc2] = tokenize('dược được').tokens;
    expect(duoc1!.folded).toBe(duoc2!.folded);
    expect(duoc1!.marked).not.toBe(duoc2!.marked);
  });

  it('keeps offsets into the NFC text and starts a new phrase at punctuation, not at hyphen or slash', () => {
    const { nfc, tokens } = tokenize('Nuôi trồng, chế biến; CAD/CAM high-tech');
    expect(tokens.map((t) => nfc.slice(t.start, t.end))).toEqual(['Nuôi', 'trồng', 'chế', 'biến', 'CAD', 'CAM', 'high', 'tech']);
    expect(tokens.map((t) => t.phrase)).toEqual([0, 0, 1, 1, 2, 2, 2, 2]);
    const decomposed = tokenize('nuôi tôm'.normalize('NFD'));
    expect(decomposed.nfc.slice(decomposed.tokens[1]!.start, decomposed.tokens[1]!.end)).toBe('tôm');
  });

  it('stems English lightly and leaves Vietnamese without diacritics intact', () => {
    expect(['machines', 'machining', 'machine'].map(stemEnglish)).toEqual(['machin', 'machin', 'machin']);
    expect(stemEnglish('shipping')).toBe('ship');
    expect(stemEnglish('fisheries')).toBe('fishery');
    expect(stemEnglish('process')).toBe('process');
    expect(['nghe', 'thuong', 'khoe', 'chuyen', 'tinh'].map(stemEnglish)).toEqual(['nghe', 'thuong', 'khoe', 'chuyen', 'tinh']);
  });

  it('tells Vietnamese with diacritics, without diacritics and English apart', () => {
    const mode = (text: string) => detectMode(text, tokenize(text).tokens);
    expect(mode('Hệ thống nuôi tôm')).toBe('vi');
    expect(mode('Chung toi muon nhan chuyen giao cong nghe nuoi tom cho cac ao')).toBe('vi-plain');
    expect(mode('We want to license a shrimp farming system for our ponds')).toBe('en');
    expect(mode('nuoi tom')).toBe('vi-plain');
  });
});
