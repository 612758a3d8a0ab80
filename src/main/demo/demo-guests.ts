/** Made-up guests for the demo community; phone numbers are in the 555-01xx fictional range. */
const first = ['Ana', 'Ben', 'Chloe', 'Dmitri', 'Elena', 'Farid', 'Grace', 'Hiro', 'Imani', 'Jonas', 'Keisha', 'Luis', 'Maya', 'Noah', 'Olga', 'Priya', 'Quinn', 'Rosa', 'Sam', 'Tariq'];
const last = ['Alvarez', 'Brooks', 'Chen', 'Diaz', 'Evans', 'Fischer', 'Garcia', 'Hughes', 'Ibrahim', 'Jensen', 'Kim', 'Lopez', 'Murphy', 'Nguyen', 'Okafor', 'Patel', 'Rossi', 'Silva', 'Turner', 'Walsh'];
const areaCodes = ['312', '773', '872', '630'];
const companies = ['Paws & Go Dog Walking', 'Brightway Cleaning', 'QuickFix Plumbing'];

/** The i-th demo guest, the same on every run. */
export function demoGuest(i: number): { name: string; phone: string; company?: string } {
  const name = `${first[i % first.length]} ${last[(i * 7 + Math.floor(i / first.length)) % last.length]}`;
  const phone = `${areaCodes[i % areaCodes.length]}-555-01${String(i % 100).padStart(2, '0')}`;
  return i % 9 === 0 ? { name, phone, company: companies[i % companies.length] } : { name, phone };
}
