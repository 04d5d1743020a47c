// SPDX-License-Identifier: GPL-2.0
/*
 * hello: tinylinux's example out-of-tree driver.
 *
 * A misc character device, /dev/hello.  Each open of it reads one line,
 * "GREETING N", where N counts the opens since the module was loaded and
 * GREETING is the module parameter of that name:
 *
 *	# modprobe hello greeting=Salut
 *	# cat /dev/hello
 *	Salut 1
 *	# cat /dev/hello
 *	Salut 2
 *	# cat /sys/module/hello/parameters/greeting
 *	Salut
 *	# rmmod hello
 *
 * The line is made when the file is opened and kept with the open file,
 * so a reader that takes it a few bytes at a time still sees one whole
 * line, and two readers never see the same number.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/slab.h>

static char *greeting = "Hello from tinylinux";
module_param(greeting, charp, 0444);
MODULE_PARM_DESC(greeting, "what each line read from /dev/hello starts with");

static atomic_t opens = ATOMIC_INIT(0);

static int hello_open(struct inode *inode, struct file *file)
{
	char *line;

	line = kasprintf(GFP_KERNEL, "%s %d\n", greeting,
			 atomic_inc_return(&opens));
	if (!line)
		return -ENOMEM;
	file->private_data = line;
	return 0;
}

static ssize_t hello_read(struct file *file, char __user *buf, size_t len,
			  loff_t *pos)
{
	const char *line = file->private_data;

	return simple_read_from_buffer(buf, len, pos, line, strlen(line));
}

static int hello_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}

static const struct file_operations hello_fops = {
	.owner = THIS_MODULE,
	.open = hello_open,
	.read = hello_read,
	.release = hello_release,
	.llseek = default_llseek,
};

static struct miscdevice hello_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "hello",
	.fops = &hello_fops,
	.mode = 0444,
};

static int __init hello_init(void)
{
	int err;

	err = misc_register(&hello_dev);
	if (err) {
		pr_err("cannot register /dev/hello: %d\n", err);
		return err;
	}
	pr_info("loaded, greeting \"%s\", /dev/hello is 10:%d\n", greeting,
		hello_dev.minor);
	return 0;
}

static void __exit hello_exit(void)
{
	misc_deregister(&hello_dev);
	pr_info("unloaded after %d opens\n", atomic_read(&opens));
}

module_init(hello_init);
module_exit(hello_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("tinylinux");
MODULE_DESCRIPTION("A misc device whose reads count, with a greeting parameter");
