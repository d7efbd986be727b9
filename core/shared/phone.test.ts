import { maskPhone } from './phone';

describe('maskPhone', () => {
  it.each([
    ['13912341234', '139****1234'],
    ['13800001234', '138****1234'],
    ['19987650000', '199****0000'],
  ])('masks the middle four digits of a mobile number: %s → %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
    expect(maskPhone(phone)).toMatch(/^1\d{2}\*{4}\d{4}$/);
  });

  it.each([
    ['a landline keeps only its last two characters', '02188886666', '*********66'],
    ['an international number', '+8613912341234', '************34'],
    ['a short string', '12345', '***45'],
    ['two characters', '12', '**'],
    ['one character', '1', '**'],
    ['empty', '', '**'],
  ])('%s: %s → %s', (_label, phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it('never returns eight or more consecutive digits of the original', () => {
    for (const phone of ['13912341234', '02188886666', '+8613912341234', '139123412345'])
      expect(maskPhone(phone)).not.toMatch(/\d{5,}/);
  });
});
