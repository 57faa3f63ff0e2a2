import { describe, expect, it } from 'vitest';
import type { Question } from '@/api/services';
import type { Satisfaction } from '@/api/services';
import { acceptAttribute, answerFields, attendanceChartOption, attendanceMarks, attendanceRate, attendanceSummary, builderRows, completionRate, medianHours, moveRow, newRow, rowErrors, toQuestionInputs } from './data';

const questions: Question[] = [
  { key: 'name', label: '称呼', type: 'text', required: true, options: [] },
  { key: 'kind', label: '类别', type: 'choice', required: true, options: ['个案', '小组'] },
  { key: 'proof', label: '证明', type: 'file', required: false, options: [], accept: ['pdf', 'jpg'], max_kb: 512 },
];

describe('the form builder', () => {
  it('round-trips questions, sending choices only for a choice and types only for a file', () => {
    const rows = builderRows(questions);
    expect(rows.map((r) => r.options)).toEqual(['', '个案\n小组', '']);
    rows[0].options = 'left over';
    rows[0].label = '  称呼 ';
    expect(toQuestionInputs(rows)).toEqual([
      { key: 'name', label: '称呼', type: 'text', required: true },
      { key: 'kind', label: '类别', type: 'choice', required: true, options: ['个案', '小组'] },
      { key: 'proof', label: '证明', type: 'file', required: false, accept: ['pdf', 'jpg'], max_kb: 512 },
    ]);
  });

  it('gives a new question a key no row has and keeps order on moves', () => {
    const rows = builderRows(questions);
    rows.push({ ...newRow(rows), key: 'q5' });
    expect(newRow(rows).key).toBe('q6');
    rows[0].key = 'q6';
    expect(newRow(rows).key).toBe('q7');
    const moved = moveRow(rows, 0, 1);
    expect(moved.map((r) => r.key)).toEqual(['kind', 'q6', 'proof', 'q5']);
    expect(moveRow(moved, 0, -1)).toEqual(moved);
  });

  it('places row errors by their full name and keeps the rest apart', () => {
    const placed = rowErrors([
      { field: 'questions[2].options', message: 'a' },
      { field: 'questions[2].options', message: 'b' },
      { field: 'questions', message: 'c' },
    ]);
    expect(placed.byField).toEqual({ 'questions[2].options': 'a; b' });
    expect(placed.rest).toEqual(['c']);
  });
});

describe('the apply form', () => {
  it('draws a file question itself and offers its types to the file picker', () => {
    expect(answerFields(questions).map((f) => f.kind)).toEqual(['text', 'select', 'custom']);
    expect(acceptAttribute(questions[2])).toBe('.pdf,.jpg,.jpeg');
  });
});

describe('the response figures', () => {
  const base: Satisfaction = { count: 0, average: null, distribution: [0, 0, 0, 0, 0], applications: 4, completed: 1, closed: 3, answered: 3, completion_rate: 1 / 3, median_first_response_hours: 4 };
  const t = (k: string, n?: Record<string, unknown>) => `${k}:${String(n?.n)}`;
  it('shows the completion rate as a percentage and the median in hours or days', () => {
    expect(completionRate(base)).toBe('33%');
    expect(completionRate({ ...base, completion_rate: null })).toBe('—');
    expect(medianHours(base, t)).toBe('services.satisfaction.hours:4.0');
    expect(medianHours({ ...base, median_first_response_hours: 72 }, t)).toBe('services.satisfaction.days:3.0');
    expect(medianHours({ ...base, median_first_response_hours: null }, t)).toBe('—');
  });
});

describe('attendance', () => {
  it('sends only the children marked, and counts them', () => {
    const marks = { 3: true, 4: false, 5: null };
    expect(attendanceMarks(marks)).toEqual([
      { enrollment_id: 3, present: true },
      { enrollment_id: 4, present: false },
    ]);
    expect(attendanceSummary(marks)).toEqual({ present: 1, marked: 2 });
  });
  it('shows a rate as a percentage, and a dash before any mark', () => {
    const f = { enrolled: 2, waitlisted: 0, present_days: 3, marked_days: 4, attendance_rate: 0.75 };
    expect(attendanceRate(f)).toBe('75%');
    expect(attendanceRate({ ...f, attendance_rate: null })).toBe('—');
    const option = attendanceChartOption([{ ...f, service_name: '暑期爱心托管班' }, { ...f, service_name: '空班', attendance_rate: null }], '出勤率');
    expect(option.xAxis.data).toEqual(['暑期爱心托管班', '空班']);
    expect(option.series[0]!.data).toEqual([75, 0]);
  });
});
