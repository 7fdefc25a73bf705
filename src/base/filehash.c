/* filehash.c - SHA-256 of evidence files through nettle (Debian
 * nettle-dev: small, well kept, already under GnuTLS), rather than a
 * hand-written digest. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <nettle/sha2.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "filehash.h"
#include "i18n.h"

static void to_hex(struct sha256_ctx *ctx, char hex[FILEHASH_HEX_SIZE])
{
	static const char digit[] = "0123456789abcdef";
	uint8_t sum[SHA256_DIGEST_SIZE];
	sha256_digest(ctx, sizeof sum, sum);
	for (size_t i = 0; i < sizeof sum; i++) {
		hex[2 * i] = digit[sum[i] >> 4];
		hex[2 * i + 1] = digit[sum[i] & 15];
	}
	hex[2 * SHA256_DIGEST_SIZE] = '\0';
}

void sha256_hex(const void *data, size_t len, char hex[FILEHASH_HEX_SIZE])
{
	struct sha256_ctx ctx;
	sha256_init(&ctx);
	sha256_update(&ctx, len, data);
	to_hex(&ctx, hex);
}

static int hash_fd(int fd, const char *path, char hex[FILEHASH_HEX_SIZE], long long *size,
		   struct diag *d)
{
	struct sha256_ctx ctx;
	unsigned char buf[65536];
	long long total = 0;
	sha256_init(&ctx);
	for (;;) {
		ssize_t n = read(fd, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			diag_set(d, _("%s: cannot read: %s"), path, strerror(errno));
			return -1;
		}
		if (n == 0)
			break;
		sha256_update(&ctx, (size_t)n, buf);
		total += n;
	}
	to_hex(&ctx, hex);
	*size = total;
	return 0;
}

int file_sha256(const char *path, char hex[FILEHASH_HEX_SIZE], long long *size,
		struct diag *d)
{
	/* O_NONBLOCK: a FIFO given by mistake must not hang the command */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		diag_set(d, _("%s: cannot open the evidence file: %s"), path, strerror(errno));
		return -1;
	}
	struct stat sb;
	int rc = -1;
	if (fstat(fd, &sb) < 0)
		diag_set(d, _("%s: cannot read: %s"), path, strerror(errno));
	else if (S_ISDIR(sb.st_mode))
		diag_set(d, _("%s: is a directory, not an evidence file (give a file or a URL)"),
			 path);
	else if (!S_ISREG(sb.st_mode))
		diag_set(d, _("%s: not a regular file (give a file or a URL)"), path);
	else
		rc = hash_fd(fd, path, hex, size, d);
	close(fd);
	return rc;
}
