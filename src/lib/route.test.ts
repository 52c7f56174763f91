import { describe, expect, it } from 'vitest'
import { capsHref, lessonHref, parseRoute, type Route } from './route.ts'

describe('parseRoute', () => {
  const cases: Array<[string, Route]> = [
    ['', { view: 'playground' }],
    ['#/', { view: 'playground' }],
    ['#/unknown', { view: 'playground' }],
    ['#/caps', { view: 'caps', input: '' }],
    ['#/caps/a80425fb', { view: 'caps', input: 'a80425fb' }],
    ['#/caps/cap_chown%2Ccap_kill', { view: 'caps', input: 'cap_chown,cap_kill' }],
    ['#/caps/%E0%A4', { view: 'caps', input: '%E0%A4' }],
    ['#/share/1/abc', { view: 'share', link: '1/abc' }],
    ['#/learn', { view: 'learn', lesson: null }],
    ['#/learn/', { view: 'learn', lesson: null }],
    ['#/learn/drop-all', { view: 'learn', lesson: 'drop-all' }],
    ['#/challenge/new', { view: 'challenge-new' }],
    ['#/challenge/1/abc', { view: 'challenge', link: '1/abc' }],
  ]
  it.each(cases)('reads %j', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route)
  })

  it('reads back the hrefs it makes', () => {
    expect(parseRoute(capsHref('CapEff: 0000003fffffffff'))).toEqual({
      view: 'caps',
      input: 'CapEff: 0000003fffffffff',
    })
    expect(parseRoute(lessonHref('run-as-non-root'))).toEqual({
      view: 'learn',
      lesson: 'run-as-non-root',
    })
  })
})
