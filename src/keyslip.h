/*
 * keyslip - is one letter typed for another a slip?
 *
 * DESCRIPTION
 *	Typing slips put a key's neighbour for it (paypzl, amazom), a vowel
 *	for a vowel (facebouk), or a character one bit off (bitsquatting: a
 *	memory error, coinbace); keyboard neighbours are those of QWERTY,
 *	QWERTZ and AZERTY, the layouts of most of the mail phishing
 *	reaches.  Two letters related none of these ways are another name
 *	more often than a typo (sonos beside ionos, welle beside zelle).
 */
#ifndef PHISHWATCH_KEYSLIP_H
#define PHISHWATCH_KEYSLIP_H

/* keyslip_letters - typing a for b (or b for a) is a slip */
int keyslip_letters(char a, char b);

#endif
