#ifndef SCHAKEL_CNCURSESW_SHIM_H
#define SCHAKEL_CNCURSESW_SHIM_H

// SwiftPM drops pkg-config's defines: ask for the wide-character API ourselves.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <stdio.h>
#include <unistd.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// Attribute and key macros are not imported into Swift: expose them as functions.
static inline int schakel_a_normal(void) { return (int)A_NORMAL; }
static inline int schakel_a_bold(void) { return (int)A_BOLD; }
static inline int schakel_a_reverse(void) { return (int)A_REVERSE; }
static inline int schakel_a_underline(void) { return (int)A_UNDERLINE; }
static inline int schakel_a_dim(void) { return (int)A_DIM; }
static inline int schakel_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int schakel_key_code_yes(void) { return KEY_CODE_YES; }
// `stdscr` is a global Swift 6 refuses to read; newterm() sets it, this hands it over.
static inline WINDOW *schakel_stdscr(void) { return stdscr; }
// Likewise the C standard streams, for newterm().
static inline FILE *schakel_stdin(void) { return stdin; }
static inline FILE *schakel_stdout(void) { return stdout; }

// Whether the terminal TERM names can be drawn on: 1 when terminfo knows it and it can move the
// cursor (`cup`), 0 when it cannot (a dumb or hardcopy terminal), -1 when terminfo does not know it.
// Asked before curses takes the terminal; nothing is written to it.
static inline int schakel_terminal_can_draw(void) {
    int error = 0;
    if (setupterm(NULL, STDOUT_FILENO, &error) != OK) return error == 1 ? 0 : -1;
    const char *cup = tigetstr("cup");
    int result = (cup != NULL && cup != (const char *)-1 && tigetflag("hc") <= 0) ? 1 : 0;
    del_curterm(cur_term);
    return result;
}

#endif
