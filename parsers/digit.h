/* SPDX-License-Identifier: GPL-2.0 */
/*
 * digit: the value of one digit of a hexadecimal or a base64 text (a
 * quoted-printable, URL or Python escape; a MIME part's base64 body), or -1
 * for a byte that is no such digit.
 */
#ifndef SPLATD_DIGIT_H
#define SPLATD_DIGIT_H

static inline int digit_hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static inline int digit_base64(char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	return c == '+' ? 62 : c == '/' ? 63 : -1;
}

#endif
